package dev.storefront.persistence.jdbi;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.storefront.persistence.postgres.PostgresDatabase;
import dev.storefront.testing.postgres.PostgresCluster;

/** Fresh PostgreSQL databases on the JVM's throwaway cluster, for the repository suites. */
final class PostgresTestDatabases {
    private PostgresTestDatabases() {}

    /** A new, migrated database of its own. */
    static PostgresDatabase fresh() {
        return open(freshUrl());
    }

    /** The URL of a new, empty database. */
    static String freshUrl() {
        assumeFalse(PostgresCluster.optedOut(), "PostgreSQL suites opted out with -Dstorefront.postgres=skip");
        return PostgresCluster.shared().createDatabase();
    }

    /** Opens a database as one more Storefront instance on it would. */
    static PostgresDatabase open(String url) {
        return PostgresDatabase.open(url, PostgresCluster.SUPERUSER, null, 4);
    }
}
