package dev.storefront.bootstrap;

import dev.storefront.persistence.jdbi.Database;
import dev.storefront.persistence.postgres.PostgresDatabase;
import dev.storefront.persistence.sqlite.SqliteDatabase;
import javax.sql.DataSource;

/**
 * The one place the wiring gets its {@link Database} from, and so the one place that knows which
 * engine a URL names: a new engine is one more branch in {@link #open}.
 */
final class Databases {
    private Databases() {}

    /**
     * Opens and pools the database the configuration's URL names ({@code jdbc:postgresql:} →
     * PostgreSQL with its credentials and pool size; otherwise SQLite); the caller closes it.
     */
    static Database open(StorefrontConfig config, boolean groupCommit) {
        if (config.usesPostgres()) {
            return PostgresDatabase.open(config.databaseUrl(), config.databaseUser(), config.databasePassword(),
                    config.databasePoolSize());
        }
        return configured(SqliteDatabase.open(config.databaseUrl()), groupCommit);
    }

    /** The host application's data source (it owns, pools and closes it). */
    static Database using(DataSource dataSource, boolean groupCommit) {
        return configured(SqliteDatabase.using(dataSource), groupCommit);
    }

    private static Database configured(SqliteDatabase sqlite, boolean groupCommit) {
        try {
            sqlite.groupCommit(groupCommit);
            return sqlite;
        } catch (RuntimeException e) {
            sqlite.close();
            throw e;
        }
    }
}
