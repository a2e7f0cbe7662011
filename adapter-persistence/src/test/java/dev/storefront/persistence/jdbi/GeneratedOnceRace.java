package dev.storefront.persistence.jdbi;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Two instances generating the same setting at once, for the engines' store-setting suites. */
public final class GeneratedOnceRace {
    private GeneratedOnceRace() {}

    /** Each instance offers a value of its own at the same moment; @return how many distinct values they read back */
    public static int distinctValues(JdbiStoreSettings first, JdbiStoreSettings second, String name) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<String>> read = List.of(
                    pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return first.generatedOnce(name, () -> "from-first");
                    }),
                    pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return second.generatedOnce(name, () -> "from-second");
                    }));
            Set<String> values = new HashSet<>();
            for (Future<String> value : read) {
                values.add(value.get(30, TimeUnit.SECONDS));
            }
            values.add(first.generatedOnce(name, () -> "later"));
            return values.size();
        } finally {
            pool.shutdownNow();
        }
    }
}
