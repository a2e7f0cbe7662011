package dev.storefront.bootstrap;

import io.undertow.server.handlers.GracefulShutdownHandler;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * The standalone server: Storefront on its own Undertow listener. {@link #close()} stops taking
 * new requests, lets those in flight finish (up to a grace period), then closes the database.
 */
public final class StorefrontServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StorefrontServer.class.getName());
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

    private final Storefront storefront;
    private final HttpListener listener;
    private final GracefulShutdownHandler shutdown;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final int port;

    private StorefrontServer(Storefront storefront, HttpListener listener, GracefulShutdownHandler shutdown) {
        this.storefront = storefront;
        this.listener = listener;
        this.shutdown = shutdown;
        this.port = listener.port();
    }

    /** Opens the database (creating {@code DATA_DIR} if needed) and starts listening. */
    public static StorefrontServer start(StorefrontConfig config) {
        return start(config, UnaryOperator.identity());
    }

    /** Starts with a customised facade (tests move the clock or add routes through this). */
    static StorefrontServer start(StorefrontConfig config, UnaryOperator<Storefront.Builder> customise) {
        prepareDirectories(config);
        Storefront storefront = customise.apply(Storefront.builder().config(config)).build();
        try {
            if (config.demoCatalog()) {
                DemoCatalog.loadIfEmpty(storefront);
            }
            GracefulShutdownHandler shutdown = new GracefulShutdownHandler(storefront.httpHandler());
            HttpListener listener = HttpListener.start(config.host(), config.port(), shutdown, config.trustedProxies());
            StorefrontServer server = new StorefrontServer(storefront, listener, shutdown);
            LOG.log(Level.INFO, "Storefront listening on http://{0}:{1,number,#} (database {2})",
                    config.host(), server.port(), config.databaseUrl());
            return server;
        } catch (RuntimeException e) {
            storefront.close();
            throw e;
        }
    }

    /** Creates {@code DATA_DIR}, or the directory of the database file, when missing. */
    static void prepareDirectories(StorefrontConfig config) {
        try {
            if (config.usesDataDir()) {
                Files.createDirectories(config.dataDir());
            } else if (!config.databaseUrl().contains(":memory:") && !config.databaseUrl().contains("mode=memory")) {
                Path file = Path.of(config.databaseUrl().substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", ""));
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory", e);
        }
    }

    public int port() {
        return port;
    }

    public Storefront storefront() {
        return storefront;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.log(Level.INFO, "Storefront shutting down: finishing requests in flight");
        shutdown.shutdown();
        try {
            if (!shutdown.awaitShutdown(SHUTDOWN_GRACE.toMillis())) {
                LOG.log(Level.WARNING, "requests still running after {0}s; stopping anyway", SHUTDOWN_GRACE.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listener.close();
        storefront.close();
        LOG.log(Level.INFO, "Storefront stopped");
    }
}
