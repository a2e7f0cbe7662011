package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.port.out.PeriodicWork;
import dev.storefront.domain.port.out.RateLimiter;
import dev.storefront.domain.port.out.contract.LoginThrottleContract;
import dev.storefront.domain.port.out.contract.PeriodicWorkContract;
import dev.storefront.domain.port.out.contract.RateLimiterContract;
import dev.storefront.persistence.postgres.PostgresDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The login throttle, limiter and periodic work contracts on PostgreSQL, the "second instance" being a second
 * {@link PostgresDatabase} with its own pool on the same database, as another server would be.
 */
class PostgresSharedLimitsIT {
    private final List<PostgresDatabase> open = new ArrayList<>();
    private String url;

    /** The first instance on a fresh database: each {@code create…} call starts a store of its own. */
    private PostgresDatabase firstInstance() {
        url = PostgresTestDatabases.freshUrl();
        return instance();
    }

    private PostgresDatabase instance() {
        PostgresDatabase database = PostgresTestDatabases.open(url);
        open.add(database);
        return database;
    }

    @AfterEach
    void close() {
        open.forEach(PostgresDatabase::close);
    }

    @Nested
    class Throttle extends LoginThrottleContract {
        @Override
        protected LoginThrottle createThrottle() {
            return new JdbiLoginThrottle(firstInstance());
        }

        @Override
        protected LoginThrottle secondInstanceOnTheSameStore() {
            return new JdbiLoginThrottle(instance());
        }
    }

    @Nested
    class Limiter extends RateLimiterContract {
        @Override
        protected RateLimiter createLimiter() {
            return new JdbiRateLimiter(firstInstance(), "test");
        }

        @Override
        protected RateLimiter secondInstanceOnTheSameStore() {
            return new JdbiRateLimiter(instance(), "test");
        }
    }

    @Nested
    class Rounds extends PeriodicWorkContract {
        @Override
        protected PeriodicWork createRounds() {
            return new JdbiPeriodicWork(firstInstance());
        }

        @Override
        protected PeriodicWork secondInstanceOnTheSameStore() {
            return new JdbiPeriodicWork(instance());
        }
    }
}
