package dev.storefront.bootstrap.server;

import dev.storefront.bootstrap.ConfigException;
import dev.storefront.bootstrap.Storefront;
import dev.storefront.bootstrap.StorefrontBuilder;
import dev.storefront.bootstrap.StorefrontConfig;
import dev.storefront.persistence.sqlite.SqliteDatabase;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    public static StorefrontServer start(StorefrontConfig config, UnaryOperator<StorefrontBuilder> customise) {
        requireResolvable(config.host());
        prepareDirectories(config);
        // The server's mail goes to files in MAIL_OUTBOX; an embedded Storefront writes none unless told to.
        FileOutboxNotifier outbox = FileOutboxNotifier.forPublicUrl(config.mailOutbox(), config.publicUrl());
        // The demo catalog's pictures are routes of the API's router (DemoImages says why).
        StorefrontBuilder builder = Storefront.builder().config(config)
                .passwordResetNotifier(outbox)
                .accountMailer(outbox)
                .routes(DemoImages.load());
        Storefront storefront = customise.apply(builder).build();
        try {
            if (config.demoCatalog()) {
                DemoCatalog.loadIfEmpty(storefront);
            }
            GracefulShutdownHandler shutdown = new GracefulShutdownHandler(storefront.httpHandler());
            HttpListener listener = listen(config, shutdown);
            StorefrontServer server = new StorefrontServer(storefront, listener, shutdown);
            LOG.log(Level.INFO, "Storefront listening on http://{0}:{1,number,#} (database {2})",
                    config.host(), server.port(), config.databaseDescription());
            return server;
        } catch (RuntimeException e) {
            storefront.close();
            throw e;
        }
    }

    /**
     * Creates {@code DATA_DIR} (or the database file's directory) and the mail outbox when missing,
     * owner-only: they hold password hashes, emails and reset tokens. Existing ones, the database
     * file and its {@code -wal} and {@code -shm} lose their group and other permissions (see
     * {@link OwnerOnlyFiles}).
     *
     * @throws ConfigException naming the variable, its value and why it cannot be used
     */
    static void prepareDirectories(StorefrontConfig config) {
        String databaseVariable = config.usesDataDir() ? "DATA_DIR" : "DATABASE_URL";
        String databaseValue = config.usesDataDir() ? config.dataDir().toString() : config.databaseUrl();
        if (config.usesDataDir()) {
            prepareDirectory("DATA_DIR", config.dataDir().toString(), config.dataDir());
        } else {
            SqliteDatabase.databaseFile(config.databaseUrl()).map(file -> file.toAbsolutePath().getParent())
                    .ifPresent(directory -> prepareDirectory("DATABASE_URL", config.databaseUrl(), directory));
        }
        SqliteDatabase.databaseFile(config.databaseUrl()).ifPresent(file -> {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                tighten(databaseVariable, databaseValue, file.resolveSibling(file.getFileName() + suffix));
            }
        });
        prepareDirectory("MAIL_OUTBOX", config.mailOutbox().toString(), config.mailOutbox());
    }

    private static void prepareDirectory(String variable, String value, Path directory) {
        try {
            FileOutboxNotifier.createOwnerOnlyDirectory(directory);
        } catch (IOException e) {
            throw new ConfigException(variable + " is \"" + value + "\": cannot create " + directory + " ("
                    + reason(e) + ")");
        }
        tighten(variable, value, directory);
        if (!Files.isWritable(directory)) {
            throw new ConfigException(variable + " is \"" + value + "\": " + directory + " is not writable");
        }
    }

    private static void tighten(String variable, String value, Path path) {
        try {
            OwnerOnlyFiles.tighten(path);
        } catch (IOException e) {
            throw new ConfigException(variable + " is \"" + value + "\": cannot make " + path + " owner-only ("
                    + reason(e) + ")");
        }
    }

    /** What went wrong with a file, in words: the JDK's file exceptions carry only the path as their message. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file that is not a directory is in the way";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return Main.oneLine(e);
    }

    /** The configured host's address; a name that does not resolve stops the start with one line. */
    private static void requireResolvable(String host) {
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ConfigException("HOST is \"" + host + "\", which does not resolve to an address");
        }
    }

    private static HttpListener listen(StorefrontConfig config, HttpHandler handler) {
        try {
            return HttpListener.start(config.host(), config.port(), handler, config.trustedProxies(),
                    config.maxConnectionsPerAddress());
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) {
                    throw new ConfigException("cannot listen on HOST " + config.host() + " PORT " + config.port() + " ("
                            + Main.oneLine(cause) + ")");
                }
            }
            throw e;
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
