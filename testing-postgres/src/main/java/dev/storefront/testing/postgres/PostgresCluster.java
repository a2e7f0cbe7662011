package dev.storefront.testing.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for tests, run with the installed PostgreSQL binaries
 * ({@code /usr/lib/postgresql/<highest version>/bin}, or the bin directory named by the system property or
 * environment variable {@code STOREFRONT_PG_BIN}): a fresh temporary directory, {@code initdb} with trust
 * authentication for the superuser {@value #SUPERUSER}, and a server listening on 127.0.0.1 only, on a free
 * port in 15000–32767 (below Linux's ephemeral range, where a port can be taken by an outgoing connection).
 * When the build runs as root, which initdb refuses, the cluster belongs to the {@code postgres} user.
 *
 * <p>Most tests share one cluster per JVM ({@link #shared()}) and take a fresh database from it
 * ({@link #createDatabase()}); {@link #builder()} starts a private one (close it). Every cluster is stopped
 * ({@code pg_ctl stop -m immediate}) and its directory deleted by {@link #close()}, or at the latest by a
 * JVM shutdown hook.
 *
 * <p>Missing binaries fail the test with a message saying how to install them; never a silent skip. A
 * developer may opt out explicitly with {@code -Dstorefront.postgres=skip}; test bases then skip with
 * {@code Assumptions.assumeFalse(PostgresCluster.optedOut(), "PostgreSQL suites skipped: -Dstorefront.postgres=skip")}
 * before touching a cluster.
 */
public final class PostgresCluster implements AutoCloseable {

    /** The superuser {@code initdb} creates; it needs no password. */
    public static final String SUPERUSER = "storefront";

    /** {@code -Dstorefront.postgres=skip} skips the PostgreSQL suites (a developer's choice; never on CI). */
    public static final String OPT_OUT_PROPERTY = "storefront.postgres";

    private static final System.Logger LOG = System.getLogger(PostgresCluster.class.getName());
    private static final String LOOPBACK = "127.0.0.1";
    private static final int LOWEST_PORT = 15000;
    private static final int HIGHEST_PORT = 32767;
    private static final int START_ATTEMPTS = 5;
    /** pg_ctl's own wait, inside the harness's bound on every program, so pg_ctl reports why it gave up. */
    private static final long SERVER_WAIT_SECONDS = Commands.TIMEOUT.toSeconds() - 10;
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern SETTING_NAME = Pattern.compile("[a-z_][a-z0-9_.]*");
    /** Set by the harness itself: a builder cannot move the server off loopback or its own directory. */
    private static final Set<String> FIXED_SETTINGS = Set.of("listen_addresses", "port", "unix_socket_directories");

    private static PostgresCluster shared;
    private static RuntimeException sharedFailure;

    private final PostgresBinaries binaries;
    private final Path directory;
    private final Path dataDir;
    private final Path logFile;
    private final Commands commands;
    private final AtomicInteger databases = new AtomicInteger();
    private final Thread stopAtExit = new Thread(this::stopAndDelete, "postgres-cluster-stop");
    private int port;
    private boolean closed;

    private PostgresCluster(PostgresBinaries binaries, Path directory, List<String> asClusterOwner) {
        this.binaries = binaries;
        this.directory = directory;
        this.dataDir = directory.resolve("data");
        this.logFile = directory.resolve("server.log");
        this.commands = new Commands(directory, asClusterOwner);
    }

    /** The cluster of this JVM, started at the first call and stopped when the JVM exits. */
    public static synchronized PostgresCluster shared() {
        if (sharedFailure != null) {
            throw new IllegalStateException("the shared PostgreSQL cluster failed to start: "
                    + sharedFailure.getMessage(), sharedFailure);
        }
        if (shared == null) {
            try {
                shared = builder().start();
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /** Whether the developer skipped the PostgreSQL suites with {@code -Dstorefront.postgres=skip}. */
    public static boolean optedOut() {
        return "skip".equals(System.getProperty(OPT_OUT_PROPERTY));
    }

    /** A private cluster with the test settings, which the caller closes. */
    public static PostgresCluster start() {
        return builder().start();
    }

    /** A private cluster whose settings may be changed or added to (durable ones for a benchmark, say). */
    public static Builder builder() {
        return new Builder();
    }

    /** A fresh, uniquely named, empty database owned by {@link #user()}; answers its JDBC URL. */
    public String createDatabase() {
        String name = "test_" + databases.incrementAndGet();
        commands.run("createdb " + name, List.of(binaries.program("createdb"), "-h", LOOPBACK, "-p",
                String.valueOf(port), "-U", SUPERUSER, name), null);
        return jdbcUrl(name);
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/NAME}. */
    public String jdbcUrl(String database) {
        return jdbcUrlPrefix() + databaseName(database);
    }

    /** The superuser's name, {@value #SUPERUSER}; with trust authentication it needs no password. */
    public String user() {
        return SUPERUSER;
    }

    public int port() {
        return port;
    }

    /** The cluster's directory: {@code data/}, the server's socket and {@link #logFile()}. */
    public Path directory() {
        return directory;
    }

    /** The server's log (warnings and errors, each line prefixed with time, process, user and database). */
    public Path logFile() {
        return logFile;
    }

    /** The server's log so far. */
    public String log() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PostgreSQL log " + logFile, e);
        }
    }

    /**
     * Runs SQL with {@code psql -v ON_ERROR_STOP=1} as the superuser and answers what it printed, unaligned
     * and without headers ({@code psql -At}: one row a line, columns separated by {@code |}); the first
     * error throws with psql's message.
     *
     * @param database a database name, or a JDBC URL of this cluster
     */
    public String psql(String database, String sql) {
        return commands.run("psql", List.of(binaries.program("psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-h", LOOPBACK, "-p", String.valueOf(port), "-U", SUPERUSER, "-d", databaseName(database), "-f", "-"),
                sql);
    }

    /**
     * Drops a database, ending its connections first.
     *
     * @param database a database name, or a JDBC URL of this cluster
     */
    public void dropDatabase(String database) {
        String name = databaseName(database);
        commands.run("dropdb " + name, List.of(binaries.program("dropdb"), "--force", "-h", LOOPBACK, "-p",
                String.valueOf(port), "-U", SUPERUSER, name), null);
    }

    /** Stops the server at once ({@code pg_ctl stop -m immediate}) and deletes the directory. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; stopping here as well is harmless.
        }
        stopAndDelete();
    }

    private synchronized void stopAndDelete() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            commands.runAsOwner("pg_ctl stop", List.of(binaries.program("pg_ctl"), "stop", "-D", dataDir.toString(),
                    "-m", "immediate", "-w", "-t", String.valueOf(SERVER_WAIT_SECONDS)));
        } finally {
            deleteRecursively(directory);
        }
    }

    private String jdbcUrlPrefix() {
        return "jdbc:postgresql://" + LOOPBACK + ":" + port + "/";
    }

    private String databaseName(String database) {
        String name = database.startsWith(jdbcUrlPrefix()) ? database.substring(jdbcUrlPrefix().length()) : database;
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a database name of this harness (" + DATABASE_NAME
                    + ") nor a JDBC URL of this cluster (" + jdbcUrlPrefix() + "…): " + database);
        }
        return name;
    }

    private void initialise(Map<String, String> settings) {
        commands.runAsOwner("initdb", List.of(binaries.program("initdb"), "-D", dataDir.toString(), "-A", "trust",
                "-U", SUPERUSER, "-E", "UTF8", "--locale=C", "--no-sync"));
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("listen_addresses", LOOPBACK);
        all.put("unix_socket_directories", directory.toString());
        StringBuilder conf = new StringBuilder("\n# Set by the Storefront test harness (PostgresCluster).\n");
        all.forEach((name, value) -> conf.append(name).append(" = '").append(value.replace("'", "''")).append("'\n"));
        try {
            // Appended, not passed on pg_ctl's -o: pg_ctl hands -o to a shell, which would split a value with spaces.
            Files.writeString(dataDir.resolve("postgresql.conf"), conf, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the settings into " + dataDir, e);
        }
    }

    /** Starts the server on a free port; another process may take the port in between, so a few tries. */
    private void startServer() {
        List<String> failures = new ArrayList<>();
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int candidate = freeLoopbackPort();
            try {
                commands.runAsOwner("pg_ctl start", List.of(binaries.program("pg_ctl"), "start", "-D",
                        dataDir.toString(), "-l", logFile.toString(), "-o", "-p " + candidate, "-w", "-t",
                        String.valueOf(SERVER_WAIT_SECONDS)));
                port = candidate;
                return;
            } catch (IllegalStateException e) {
                failures.add("port " + candidate + ": " + e.getMessage());
            }
        }
        throw new IllegalStateException("PostgreSQL did not start in " + START_ATTEMPTS + " attempts:\n"
                + String.join("\n", failures) + "\n--- server log " + logFile + " ---\n" + log());
    }

    private static int freeLoopbackPort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST_PORT, HIGHEST_PORT + 1);
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), candidate));
                return candidate;
            } catch (IOException taken) {
                // Try another one.
            }
        }
        throw new IllegalStateException("no free port on " + LOOPBACK + " in " + LOWEST_PORT + "–" + HIGHEST_PORT);
    }

    private static boolean runningAsRoot() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            // "Uid:  real  effective  saved  filesystem"
            return lines.filter(line -> line.startsWith("Uid:")).findFirst()
                    .map(line -> line.split("\\s+")[2].equals("0"))
                    .orElse(false);
        } catch (IOException | RuntimeException noProc) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the PostgreSQL cluster directory " + root, e);
        }
    }

    /** Settings of a private cluster: test settings by default, each of which may be changed, and others added. */
    public static final class Builder {

        private final Map<String, String> settings = new LinkedHashMap<>();
        private Optional<String> binDir = Optional.empty();
        private Path installRoot = PostgresBinaries.DEBIAN_INSTALL_ROOT;
        private boolean binariesGiven;

        private Builder() {
            // Fast and throwaway: nothing needs to survive a crash of a test cluster.
            settings.put("fsync", "off");
            settings.put("synchronous_commit", "off");
            settings.put("full_page_writes", "off");
            settings.put("max_connections", "300");
            settings.put("log_min_messages", "warning");
            settings.put("log_line_prefix", "%m [%p] %q%u@%d ");
            // Deadlocks show within a test's patience (the server's default is 1 s).
            settings.put("deadlock_timeout", "200ms");
        }

        /** Sets (or overrides) a server setting ({@code postgresql.conf} name and value). */
        public Builder setting(String name, String value) {
            if (!SETTING_NAME.matcher(name).matches() || FIXED_SETTINGS.contains(name)) {
                throw new IllegalArgumentException("not a setting a test cluster can take: " + name);
            }
            settings.put(name, value);
            return this;
        }

        /** Commits reach the disk, as in production: fsync, synchronous_commit and full_page_writes on. */
        public Builder durable() {
            return setting("fsync", "on").setting("synchronous_commit", "on").setting("full_page_writes", "on");
        }

        /** Where the binaries are looked for, instead of the process's setting and /usr/lib/postgresql (tests). */
        Builder binaries(Optional<String> configuredBinDir, Path debianInstallRoot) {
            this.binDir = configuredBinDir;
            this.installRoot = debianInstallRoot;
            this.binariesGiven = true;
            return this;
        }

        /** Creates the directory, runs initdb and starts the server; throws with the failing step's output. */
        public PostgresCluster start() {
            PostgresBinaries binaries = binariesGiven ? PostgresBinaries.locate(binDir, installRoot)
                    : PostgresBinaries.locate();
            long started = System.nanoTime();
            Path directory = createDirectory();
            boolean root = runningAsRoot();
            PostgresCluster cluster = new PostgresCluster(binaries, directory,
                    root ? List.of("runuser", "-u", "postgres", "--") : List.of());
            try {
                if (root) {
                    giveToPostgresUser(directory);
                }
                cluster.initialise(settings);
                cluster.startServer();
            } catch (RuntimeException e) {
                deleteRecursively(directory);
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(cluster.stopAtExit);
            LOG.log(System.Logger.Level.INFO, "PostgreSQL ({0}) on {1}:{2,number,#} started in {3,number,#} ms, in {4}",
                    binaries.binDir(), LOOPBACK, cluster.port, (System.nanoTime() - started) / 1_000_000, directory);
            return cluster;
        }

        private static Path createDirectory() {
            try {
                return Files.createTempDirectory("storefront-pg-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a directory for a PostgreSQL cluster", e);
            }
        }

        /** As root the cluster is the postgres user's: initdb refuses to run as root. */
        private static void giveToPostgresUser(Path directory) {
            try {
                UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(directory, postgres);
            } catch (IOException e) {
                throw new IllegalStateException("running as root, the PostgreSQL cluster must belong to the user"
                        + " postgres (initdb refuses root), but " + directory + " cannot be given to it: " + e, e);
            }
        }
    }
}
