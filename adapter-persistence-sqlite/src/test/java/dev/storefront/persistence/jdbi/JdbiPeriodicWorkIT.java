package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.PeriodicWork;
import dev.storefront.domain.port.out.contract.PeriodicWorkContract;
import dev.storefront.persistence.sqlite.SqliteDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The periodic work contract on real SQLite, the second instance a second database on the same file. */
class JdbiPeriodicWorkIT extends PeriodicWorkContract {
    @TempDir
    Path directory;
    private SqliteDatabase first;
    private SqliteDatabase second;
    private String url;

    @Override
    protected PeriodicWork createRounds() {
        url = "jdbc:sqlite:" + directory.resolve("rounds-" + System.nanoTime() + ".db");
        first = SqliteDatabase.open(url);
        return new JdbiPeriodicWork(first);
    }

    @Override
    protected PeriodicWork secondInstanceOnTheSameStore() {
        second = SqliteDatabase.open(url);
        return new JdbiPeriodicWork(second);
    }

    @AfterEach
    void close() {
        for (SqliteDatabase database : new SqliteDatabase[] {second, first}) {
            if (database != null) {
                database.close();
            }
        }
    }
}
