package dev.storefront.bootstrap;

import dev.storefront.bootstrap.server.StorefrontServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * One instance of {@link MultiInstanceIT}'s cluster, in a JVM of its own: the standalone server as
 * {@code Main serve} starts it (configuration from the environment, the demo catalog), only with the
 * sweep interval of {@code SWEEP_INTERVAL} (an ISO-8601 duration), short enough to see rounds in a test.
 */
public final class MultiInstanceNode {
    private MultiInstanceNode() {}

    public static void main(String[] args) throws InterruptedException {
        StorefrontConfig config = StorefrontConfig.from(System.getenv(), args).config();
        Duration sweeps = Duration.parse(System.getenv("SWEEP_INTERVAL"));
        StorefrontServer server = StorefrontServer.start(config, builder -> builder.sweepInterval(sweeps));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "node-shutdown"));
        stopped.await();
    }
}
