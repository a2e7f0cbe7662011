package dev.storefront.persistence.jdbi;

import dev.storefront.persistence.sqlite.SqliteDatabase;
import dev.storefront.domain.port.out.CatalogImportJournal;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.contract.CatalogImportJournalContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The catalog import journal contract on real SQLite. */
class JdbiCatalogImportJournalIT extends CatalogImportJournalContract {
    @TempDir
    Path directory;
    private SqliteDatabase database;
    private JdbiCatalogImportJournal journal;

    @BeforeEach
    void freshDatabase() {
        database = SqliteDatabase.open("jdbc:sqlite:" + directory.resolve("imports.db"));
        journal = new JdbiCatalogImportJournal(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected CatalogImportJournal journal() {
        return journal;
    }

    @Override
    protected Transactions transactions() {
        return database.transactions();
    }
}
