package dev.storefront.persistence.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.storefront.domain.port.out.LockKey;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.persistence.jdbi.ChangeFeed;
import dev.storefront.persistence.jdbi.Database;
import dev.storefront.persistence.jdbi.Dialect;
import dev.storefront.persistence.jdbi.SchemaMigrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The store's PostgreSQL database, which any number of Storefront instances may share: a HikariCP
 * pool of the org.postgresql driver, {@link PostgresTransactions} (READ COMMITTED writers retried
 * after lost races, REPEATABLE READ readers) and the LISTEN/NOTIFY {@link PostgresChangeFeed}.
 * Opening it applies pending migrations, each under an advisory lock, so instances starting
 * together migrate once.
 */
public final class PostgresDatabase implements Database {
    /**
     * The PostgreSQL migrations, oldest first. A new script is added at the end. Versions may skip
     * numbers (they are allocated per branch); tests count what a fresh database applied against it.
     */
    public static final List<String> SCRIPTS = List.of(
            "V1__schema.sql",
            "V2__shared_limits.sql",
            "V3__sweep_rounds.sql",
            "V4__account_security.sql",
            "V5__email_verification.sql",
            "V6__second_factor.sql",
            "V7__passkeys.sql",
            "V8__account_deletion.sql",
            "V9__checkout_complete.sql",
            "V10__product_images.sql");
    static final String MIGRATIONS = "dev/storefront/persistence/postgres/migration/";
    /** Held by each migration's transaction: instances starting together migrate one after the other. */
    static final LockKey MIGRATION_LOCK = new LockKey("schema-migration");
    private static final Duration LISTENER_START = Duration.ofSeconds(5);

    private final HikariDataSource pool;
    private final PostgresTransactions transactions;
    private final PostgresChangeFeed changes;
    private final AdvisoryLocks locks;

    private PostgresDatabase(HikariDataSource pool, PostgresChangeFeed.ListenerConnections listenerConnections) {
        this.pool = pool;
        Jdbi jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
        // Bound values (password hashes, emails, token digests) must never reach a log line.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        this.transactions = new PostgresTransactions(jdbi);
        this.locks = new AdvisoryLocks(transactions);
        migrator(transactions, locks, SCRIPTS).migrate();
        this.changes = new PostgresChangeFeed(listenerConnections, jdbi, transactions).start(LISTENER_START);
    }

    /**
     * Opens the database at a {@code jdbc:postgresql:} URL with a pool of {@code poolSize}
     * connections it owns; {@code user} and {@code password} may be {@code null} (then the URL's
     * own, or the driver's defaults, apply).
     */
    public static PostgresDatabase open(String jdbcUrl, String user, String password, int poolSize) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("only jdbc:postgresql: URLs are supported");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("storefront-postgres");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(Math.max(1, poolSize));
        config.setMinimumIdle(Math.min(2, Math.max(1, poolSize)));
        config.setConnectionTimeout(5_000);
        // Statements never wait on a lock for ever: a lost race is retried, a stuck one fails.
        config.addDataSourceProperty("options", "-c lock_timeout=10s -c statement_timeout=60s");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            return new PostgresDatabase(pool, () -> listenerConnection(jdbcUrl, user, password));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static Connection listenerConnection(String jdbcUrl, String user, String password)
            throws java.sql.SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "5");
        // A read waits at most this long: the heartbeat answers in milliseconds when all is well.
        properties.setProperty("socketTimeout", "5");
        properties.setProperty("ApplicationName", "storefront-change-feed");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    static SchemaMigrator migrator(PostgresTransactions transactions, AdvisoryLocks locks, List<String> scripts) {
        return new SchemaMigrator(new SchemaMigrator.Target() {
            @Override
            public <T> T inTransaction(Function<Handle, T> work) {
                return transactions.inTransaction(() -> {
                    locks.lock(MIGRATION_LOCK);
                    return transactions.withHandle(work);
                });
            }
        }, PostgresDialect.INSTANCE, MIGRATIONS, scripts);
    }

    @Override
    public String engine() {
        return "postgresql";
    }

    @Override
    public Dialect dialect() {
        return PostgresDialect.INSTANCE;
    }

    @Override
    public Locks locks() {
        return locks;
    }

    @Override
    public PostgresTransactions transactions() {
        return transactions;
    }

    @Override
    public ChangeFeed changes() {
        return changes;
    }



    @Override
    public void close() {
        changes.close();
        pool.close();
    }
}
