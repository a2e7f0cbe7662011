package dev.storefront.persistence.jdbi.archfixture;

import dev.storefront.persistence.sqlite.SqliteDatabase;
import org.sqlite.SQLiteErrorCode;

/** Deliberately bad: a core class that names SQLite, for the architecture rules' own test. */
public final class RepositoryUsingSqlite {
    public SQLiteErrorCode codeOf(SqliteDatabase database) {
        return SQLiteErrorCode.SQLITE_BUSY;
    }
}
