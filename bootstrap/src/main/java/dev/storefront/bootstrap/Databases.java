package dev.storefront.bootstrap;

import dev.storefront.persistence.jdbi.Database;
import dev.storefront.persistence.postgres.PostgresDatabase;
import dev.storefront.persistence.sqlite.SqliteDatabase;
import javax.sql.DataSource;

/** The one place that knows which engine a URL names. */
final class Databases {
    private Databases() {}

    /**
     * Opens the database: on the host's SQLite {@code dataSource} when one is given, else at the URL
     * ({@code jdbc:postgresql:} → PostgreSQL with the configuration's credentials and pool size;
     * otherwise SQLite).
     */
    static Database open(DataSource dataSource, String url, StorefrontConfig config, boolean groupCommit) {
        if (dataSource != null) {
            return SqliteDatabase.using(dataSource).groupCommit(groupCommit);
        }
        if (StorefrontConfig.isPostgresUrl(url)) {
            return PostgresDatabase.open(url, config.databaseUser(), config.databasePassword(), config.databasePoolSize());
        }
        return SqliteDatabase.open(url).groupCommit(groupCommit);
    }
}
