package dev.storefront.benchmarks.jmh;

import dev.storefront.benchmarks.Seeder;
import dev.storefront.domain.port.in.account.LogInCommand;
import dev.storefront.domain.port.in.account.RegisterUserCommand;
import dev.storefront.domain.port.in.account.ResolveSessionUseCase.ResolvedSession;
import dev.storefront.domain.port.in.account.ResolveSessionUseCase.SessionQuery;
import dev.storefront.domain.session.SessionToken;
import dev.storefront.security.BcryptPasswordHasher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Resolving a session id, as every request with a {@code SID} cookie does: SHA-256 of the id, the
 * session row and the user row, in a read-only transaction, on a file database of 1,000 users.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class SessionLookupBenchmark {
    private static final int USERS = 1_000;

    private TempStore store;
    private final List<SessionToken> tokens = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        store = new TempStore(new BcryptPasswordHasher(4));
        for (int i = 0; i < USERS; i++) {
            String name = String.format("bench-u%05d", i);
            store.storefront.accounts().registerUser().register(new RegisterUserCommand(name, name + "@bench.example",
                    Seeder.PASSWORD, "127.0.0.1"));
            tokens.add(store.storefront.accounts().logIn().logIn(new LogInCommand(name, Seeder.PASSWORD, "127.0.0.1", "jmh",
                    Optional.empty())).session().token());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
    }

    @Benchmark
    public Optional<ResolvedSession> resolveSession() {
        next = (next + 1) % USERS;
        return store.storefront.accounts().resolveSession().resolveSession(new SessionQuery(tokens.get(next)));
    }
}
