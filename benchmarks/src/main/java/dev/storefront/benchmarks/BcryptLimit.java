package dev.storefront.benchmarks;

import dev.storefront.domain.user.Password;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.security.BcryptPasswordHasher;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The bcrypt limit of login throughput: {@code cores / time of one verification} at the given cost,
 * with Storefront's own hasher (BouncyCastle, NFC, the 72-byte check). Also measures what all cores
 * verifying at once really achieve, for comparison. Prints {@code key=value} lines for bench/run.sh.
 *
 * <p>{@code java -cp benchmarks.jar dev.storefront.benchmarks.BcryptLimit COST VERIFICATIONS}
 */
public final class BcryptLimit {
    private BcryptLimit() {}

    public static void main(String[] args) throws Exception {
        int cost = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        int cores = Runtime.getRuntime().availableProcessors();
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(cost, cores);
        Password password = Password.of("bench-Passw0rd-x7q!");
        PasswordHash hash = hasher.hash(password);
        hasher.verify(password, hash); // warm-up
        hasher.verify(password, hash);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (!hasher.verify(password, hash)) {
                throw new IllegalStateException("verification failed");
            }
        }
        double millis = (System.nanoTime() - start) / 1e6 / count;
        System.out.printf("cost=%d%ncores=%d%nverify_ms=%.1f%nlimit_per_s=%.2f%n", cost, cores, millis,
                cores * 1000.0 / millis);

        // All cores at once, for 5 s: what the machine really does (SMT, turbo and neighbours show here).
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        long parallelStart = System.nanoTime();
        for (int t = 0; t < cores; t++) {
            futures.add(pool.submit(() -> {
                while (!stop.get()) {
                    hasher.verify(password, hash);
                    done.incrementAndGet();
                }
            }));
        }
        TimeUnit.SECONDS.sleep(5);
        stop.set(true);
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - parallelStart) / 1e9;
        pool.shutdown();
        System.out.printf("parallel_per_s=%.2f%n", done.get() / seconds);
    }
}
