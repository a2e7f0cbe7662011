package dev.storefront.persistence.jdbi;

import java.util.Currency;
import java.util.Objects;

/**
 * Settings fixed at the database's first start. The currency is one: amounts are stored as minor
 * units, so opening a database with another currency would silently reprice everything.
 */
public final class JdbiStoreSettings {
    private final Database database;

    public JdbiStoreSettings(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Records the currency on first use; afterwards checks it is the same.
     *
     * @throws IllegalStateException when the database was set up with another currency
     */
    public void requireCurrency(Currency currency) {
        String stored = database.transactions().inTransaction(() -> database.withHandle(h -> {
            h.createUpdate("INSERT INTO store_setting (name, value) VALUES ('currency', :code) ON CONFLICT (name) DO NOTHING")
                    .bind("code", currency.getCurrencyCode())
                    .execute();
            return h.createQuery("SELECT value FROM store_setting WHERE name = 'currency'")
                    .mapTo(String.class).one();
        }));
        if (!stored.equals(currency.getCurrencyCode())) {
            throw new IllegalStateException("the database holds amounts in " + stored
                    + ", but the configured currency is " + currency.getCurrencyCode());
        }
    }
}
