package dev.storefront.persistence.jdbi;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.storefront.persistence.postgres.PostgresDatabase;
import dev.storefront.testing.postgres.PostgresCluster;

/** Fresh PostgreSQL databases on the JVM's throwaway cluster, for the repository suites. */
final class PostgresTestDatabases {
    private PostgresTestDatabases() {}

    /** A new, migrated database of its own. */
    static PostgresDatabase fresh() {
        assumeFalse(PostgresCluster.optedOut(), "PostgreSQL suites opted out with -Dstorefront.postgres=skip");
        PostgresCluster cluster = PostgresCluster.shared();
        return PostgresDatabase.open(cluster.createDatabase(), cluster.user(), null, 4);
    }
}
