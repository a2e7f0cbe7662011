package dev.storefront.persistence.jdbi;

import dev.storefront.persistence.sqlite.SqliteDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbiStoreSettingsIT {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("store.db");
    }

    @Test
    void firstCallRecordsTheCurrency() {
        try (SqliteDatabase db = SqliteDatabase.open(url())) {
            new JdbiStoreSettings(db).requireCurrency(USD);

            assertEquals("USD", db.withHandle(h ->
                    h.createQuery("SELECT value FROM store_setting WHERE name = 'currency'").mapTo(String.class).one()));
        }
    }

    @Test
    void sameCurrencyPasses() {
        try (SqliteDatabase db = SqliteDatabase.open(url())) {
            new JdbiStoreSettings(db).requireCurrency(USD);
        }
        try (SqliteDatabase db = SqliteDatabase.open(url())) {
            new JdbiStoreSettings(db).requireCurrency(USD);
            new JdbiStoreSettings(db).requireCurrency(USD);
        }
    }

    @Test
    void otherCurrencyFailsAndLeavesTheRecordedOne() {
        try (SqliteDatabase db = SqliteDatabase.open(url())) {
            new JdbiStoreSettings(db).requireCurrency(USD);
        }
        try (SqliteDatabase db = SqliteDatabase.open(url())) {
            JdbiStoreSettings settings = new JdbiStoreSettings(db);

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> settings.requireCurrency(EUR));

            assertTrue(e.getMessage().contains("USD") && e.getMessage().contains("EUR"), e.getMessage());
            settings.requireCurrency(USD);
        }
    }

    @Test
    void aKeyGeneratedByTwoInstancesStartingAtOnceIsOneKey() throws Exception {
        try (SqliteDatabase first = SqliteDatabase.open(url()); SqliteDatabase second = SqliteDatabase.open(url())) {
            for (int race = 0; race < 20; race++) {
                String name = "key-" + race;
                assertEquals(1, GeneratedOnceRace.distinctValues(new JdbiStoreSettings(first),
                        new JdbiStoreSettings(second), name), name);
            }
        }
    }
}
