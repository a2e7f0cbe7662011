package dev.storefront.persistence.sqlite;

import org.jdbi.v3.core.Jdbi;

/** What tests outside this package need of SQLite's internals. */
public final class SqliteTesting {
    private SqliteTesting() {}

    /** Builds an older database: applies the migrations up to and including {@code lastScript}. */
    public static void migrateUpTo(Jdbi jdbi, String lastScript) {
        int last = SqliteDatabase.SCRIPTS.indexOf(lastScript);
        if (last < 0) {
            throw new IllegalArgumentException("no migration " + lastScript);
        }
        SqliteDatabase.migrator(new SqliteTransactions(jdbi, connection -> { }),
                SqliteDatabase.SCRIPTS.subList(0, last + 1)).migrate();
    }
}
