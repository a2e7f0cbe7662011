package dev.storefront.persistence.sqlite;

import dev.storefront.domain.port.out.Locks;
import dev.storefront.persistence.jdbi.ChangeFeed;
import dev.storefront.persistence.jdbi.Database;
import dev.storefront.persistence.jdbi.Dialect;
import dev.storefront.persistence.jdbi.SchemaMigrator;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store's SQLite database: a connection pool set up as measured in docs/performance.md (WAL,
 * {@code synchronous=NORMAL}, a busy timeout, foreign keys on, WAL checkpoints on a thread of their
 * own: {@link WalCheckpointer}), the JDBI on top of it, and the {@link SqliteTransactions} that
 * repositories join. Opening it applies pending schema migrations.
 */
public final class SqliteDatabase implements Database {
    /** The SQLite migrations, in {@link #MIGRATIONS}, oldest first. A new script is added at the end. */
    static final List<String> SCRIPTS = List.of(
            "V1__init.sql",
            "V2__accounts.sql",
            "V3__catalog.sql",
            "V4__cart.sql",
            "V5__orders.sql",
            "V6__catalog_covering_indexes.sql",
            "V7__catalog_version.sql",
            "V8__account_version.sql",
            "V9__in_stock_flag.sql",
            "V10__reset_tokens_live.sql",
            "V11__catalog_import_journal.sql",
            "V12__shared_limits.sql",
            "V13__sweep_rounds.sql",
            "V14__account_security.sql",
            "V15__email_verification.sql",
            "V16__second_factor.sql",
            "V17__passkeys.sql",
            "V18__account_deletion.sql",
            "V19__checkout_complete.sql",
            "V20__product_images.sql");
    static final String MIGRATIONS = "dev/storefront/persistence/sqlite/migration/";
    static final int BUSY_TIMEOUT_MILLIS = 5_000;
    private static final int DEFAULT_POOL_SIZE = 8;
    static final long CHECKPOINT_INTERVAL_MILLIS = 100;
    /**
     * WAL pages (4 kB each) past which the checkpointer starts the WAL over: it stays under ~64 MB.
     * Each RESTART holds this process's writers for a copy and an fsync; at 2,000 orders/s the WAL
     * grows ~90 MB/s, and 4,096 pages (16 MB) meant six holds a second: 16,384 gave checkout 6–8 %
     * more orders/s and a p99 of 9 instead of 12 ms (docs/performance.md).
     */
    static final int CHECKPOINT_RESTART_PAGES = 16_384;
    /** How long the checkpointer's RESTART waits for readers, holding this process's writers back. */
    static final int CHECKPOINT_BUSY_TIMEOUT_MILLIS = 200;

    private final Jdbi jdbi;
    private final HikariDataSource ownedPool;
    private final HikariDataSource readOnlyPool;
    private final Connection keepAlive;
    private final SqliteTransactions transactions;
    private final SqliteChangeFeed changes = new SqliteChangeFeed(this);
    private final SerialisedWriterLocks locks;
    private final WalCheckpointer checkpointer;

    /**
     * @param readOnlyPool opens the pool of read-only connections, once the schema is migrated (a
     *                     read-only connection cannot create the file); {@code null} for none
     */
    private SqliteDatabase(DataSource dataSource, HikariDataSource ownedPool, Connection keepAlive,
                           Supplier<HikariDataSource> readOnlyPool, Checkpoints checkpoints) {
        this.jdbi = jdbi(dataSource, ownedPool != null);
        this.ownedPool = ownedPool;
        this.keepAlive = keepAlive;
        migrator(new SqliteTransactions(jdbi, this::discard), SCRIPTS).migrate();
        this.readOnlyPool = readOnlyPool == null ? null : readOnlyPool.get();
        this.transactions = this.readOnlyPool == null ? new SqliteTransactions(jdbi, this::discard)
                : new SqliteTransactions(jdbi, this::discard, jdbi(this.readOnlyPool, true), this::discardReadOnly);
        this.locks = new SerialisedWriterLocks(transactions);
        try {
            this.checkpointer = checkpoints == null ? null : new WalCheckpointer(checkpoints.connection().get(),
                    checkpoints.intervalMillis(), checkpoints.restartAtPages(), transactions::holdingWriters);
        } catch (RuntimeException e) {
            if (this.readOnlyPool != null) {
                this.readOnlyPool.close();
            }
            throw e;
        }
    }

    /** A migrator of the given scripts (tests build an older database with the first ones). */
    static SchemaMigrator migrator(SqliteTransactions transactions, List<String> scripts) {
        return new SchemaMigrator(new SchemaMigrator.Target() {
            @Override
            public <T> T inTransaction(Function<Handle, T> work) {
                return transactions.inTransaction(() -> transactions.withHandle(work));
            }
        }, SqliteDialect.INSTANCE, MIGRATIONS, scripts);
    }

    /** How a database with its own pool checkpoints its WAL; the connection is the checkpointer's own. */
    record Checkpoints(Supplier<Connection> connection, long intervalMillis, int restartAtPages) {}

    /** @param ownPool whether the pool is ours, so its connections may keep prepared statements */
    private static Jdbi jdbi(DataSource dataSource, boolean ownPool) {
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        if (ownPool) {
            CachingStatementBuilder statements = new CachingStatementBuilder();
            jdbi.setStatementBuilderFactory(connection -> statements);
        }
        // Bound values (password hashes, emails, token digests) must never reach a log line.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        return jdbi;
    }

    /**
     * Opens (creating if needed, readable by its owner only) the database at a {@code jdbc:sqlite:}
     * URL with a pool it owns.
     * An in-memory URL ({@code jdbc:sqlite::memory:}) gets one shared connection, since every
     * SQLite in-memory connection would otherwise be a database of its own.
     */
    public static SqliteDatabase open(String jdbcUrl) {
        return open(jdbcUrl, DEFAULT_POOL_SIZE);
    }

    public static SqliteDatabase open(String jdbcUrl, int poolSize) {
        return open(jdbcUrl, poolSize, CHECKPOINT_INTERVAL_MILLIS, CHECKPOINT_RESTART_PAGES);
    }

    /** With the checkpointer's round and WAL limit given (tests make them small). */
    static SqliteDatabase open(String jdbcUrl, int poolSize, long checkpointIntervalMillis, int checkpointRestartPages) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("only jdbc:sqlite: URLs are supported");
        }
        boolean inMemory = isInMemory(jdbcUrl);
        databaseFile(jdbcUrl).ifPresent(SqliteDatabase::createOwnerOnlyIfMissing);
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        sqlite.enforceForeignKeys(true);
        if (!inMemory) {
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        }
        // Savepoint and statement journals in memory: every write transaction runs inside a
        // savepoint when it is batched (group commit, SqliteTransactions), and with journals in temp
        // files each one opened, wrote and closed a file: 12 % of the batch's time (docs/performance.md).
        sqlite.setTempStore(SQLiteConfig.TempStore.MEMORY);
        SQLiteDataSource sqliteDataSource = new SQLiteDataSource(sqlite);
        sqliteDataSource.setUrl(inMemory ? "jdbc:sqlite:file:storefront-" + UUID.randomUUID()
                + "?mode=memory&cache=shared" : jdbcUrl);
        Checkpoints checkpoints = inMemory ? null : new Checkpoints(() -> checkpointerConnection(sqliteDataSource),
                checkpointIntervalMillis, checkpointRestartPages);

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("storefront-sqlite");
        pool.setDataSource(sqliteDataSource);
        int size = inMemory ? 1 : Math.max(1, poolSize);
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(inMemory ? 1 : Math.min(2, size));
        pool.setIdleTimeout(inMemory ? 0 : 600_000);
        pool.setMaxLifetime(0); // SQLite connections do not go stale; recycling only costs
        pool.setConnectionTimeout(BUSY_TIMEOUT_MILLIS + 1_000L);
        if (!inMemory) {
            // No commit copies the WAL back (and fsyncs) in a request's thread: the checkpointer does.
            pool.setConnectionInitSql("PRAGMA wal_autocheckpoint = 0");
        }
        // A shared in-memory database lives only while a connection to it is open. The pool's one
        // connection is discarded after a failed transaction, which would take every table with it:
        // this connection, never used, keeps the database alive until close().
        Connection keepAlive = inMemory ? connect(sqliteDataSource) : null;
        HikariDataSource hikari = null;
        try {
            hikari = new HikariDataSource(pool);
            // Read-only transactions get connections SQLite opened read-only: no query_only switch
            // on and off around every read. (An in-memory database keeps its one shared connection.)
            return new SqliteDatabase(hikari, hikari, keepAlive, inMemory ? null : () -> readOnlyPool(jdbcUrl, size),
                    checkpoints);
        } catch (RuntimeException e) {
            if (hikari != null) {
                hikari.close();
            }
            closeQuietly(keepAlive);
            throw e;
        }
    }

    private static HikariDataSource readOnlyPool(String jdbcUrl, int size) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setReadOnly(true);
        // The same per-connection settings as the writers' (the journal mode, WAL, is the file's own).
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        sqlite.enforceForeignKeys(true);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
        dataSource.setUrl(jdbcUrl);
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("storefront-sqlite-read");
        pool.setReadOnly(true); // as the connections are: the driver refuses to switch it
        pool.setDataSource(dataSource);
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(Math.min(2, size));
        pool.setIdleTimeout(600_000);
        pool.setMaxLifetime(0);
        pool.setConnectionTimeout(BUSY_TIMEOUT_MILLIS + 1_000L);
        return new HikariDataSource(pool);
    }

    private static Connection checkpointerConnection(SQLiteDataSource dataSource) {
        Connection connection = connect(dataSource);
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = 0");
            statement.execute("PRAGMA busy_timeout = " + CHECKPOINT_BUSY_TIMEOUT_MILLIS);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot open the checkpointer's connection", e);
        }
    }

    private static Connection connect(SQLiteDataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing is left to release
        }
    }

    /**
     * Uses a data source that the host application owns and pools. It must point at SQLite; the
     * host sets its pragmas (see the README) and closes it.
     */
    public static SqliteDatabase using(DataSource dataSource) {
        return new SqliteDatabase(Objects.requireNonNull(dataSource, "dataSource"), null, null, null, null);
    }

    /**
     * The database file a {@code jdbc:sqlite:} URL names ({@code jdbc:sqlite:PATH} or
     * {@code jdbc:sqlite:file:PATH?…}), or empty for an in-memory database.
     */
    public static Optional<Path> databaseFile(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:") || isInMemory(jdbcUrl)) {
            return Optional.empty();
        }
        String location = jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "");
        if (location.startsWith("file:")) {
            location = location.substring("file:".length()).replaceFirst("^//(?=/)", "");
        }
        return Optional.of(Path.of(location));
    }

    /**
     * The database holds password hashes and emails: a file it creates is its owner's only, and
     * SQLite gives the WAL and its index the main file's permissions. An existing file keeps its own.
     */
    private static void createOwnerOnlyIfMissing(Path file) {
        if (Files.exists(file) || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // created meanwhile by another process: its permissions stand
        } catch (IOException e) {
            // a missing directory or no permission: SQLite's own open reports it
        }
    }

    static boolean isInMemory(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        return rest.isEmpty() || rest.startsWith(":memory:") || rest.contains("mode=memory");
    }

    /**
     * Whether write transactions that queue are committed together (default on; see
     * {@link SqliteTransactions}). Off, each runs on its caller's thread, alone: for code inside
     * write transactions that relies on the calling thread. Set it before the database is used.
     */
    public SqliteDatabase groupCommit(boolean enabled) {
        transactions.groupCommit(enabled);
        return this;
    }

    @Override
    public String engine() {
        return "sqlite";
    }

    @Override
    public Dialect dialect() {
        return SqliteDialect.INSTANCE;
    }

    @Override
    public Locks locks() {
        return locks;
    }

    @Override
    public SqliteTransactions transactions() {
        return transactions;
    }

    @Override
    public ChangeFeed changes() {
        return changes;
    }

    private void discardReadOnly(Connection connection) {
        readOnlyPool.evictConnection(connection);
    }

    private void discard(Connection connection) {
        if (ownedPool != null) {
            ownedPool.evictConnection(connection);
        }
    }

    /** The WAL checkpointer, or {@code null} (in memory, or a pool the host owns). */
    WalCheckpointer checkpointer() {
        return checkpointer;
    }

    @Override
    public void close() {
        if (readOnlyPool != null) {
            readOnlyPool.close();
        }
        if (ownedPool != null) {
            ownedPool.close();
        }
        if (checkpointer != null) {
            // Last: with every other connection closed, its final TRUNCATE leaves an empty WAL.
            checkpointer.close();
        }
        closeQuietly(keepAlive);
    }
}
