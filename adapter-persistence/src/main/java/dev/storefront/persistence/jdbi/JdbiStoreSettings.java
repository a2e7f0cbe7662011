package dev.storefront.persistence.jdbi;

import java.util.Currency;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Settings fixed at the database's first start. The currency is one: amounts are stored as minor
 * units, so opening a database with another currency would silently reprice everything. A key
 * generated at first start is another ({@link #generatedOnce}).
 */
public final class JdbiStoreSettings {
    interface Statements {
        @SqlUpdate("INSERT INTO store_setting (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
        void insertIfAbsent(String name, String value);

        @SqlQuery("SELECT value FROM store_setting WHERE name = :name")
        String value(String name);
    }

    private final Database database;

    public JdbiStoreSettings(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * The value stored under {@code name}, or, at the first call on this database, {@code generated}'s,
     * stored then. Race-free on every engine: of instances starting at once, the first insert
     * wins (ON CONFLICT DO NOTHING) and everyone reads back what it stored.
     */
    public String generatedOnce(String name, Supplier<String> generated) {
        return database.transactions().inTransaction(() -> database.withHandle(h -> {
            Statements sql = h.attach(Statements.class);
            String stored = sql.value(name);
            if (stored != null) {
                return stored;
            }
            sql.insertIfAbsent(name, generated.get());
            return sql.value(name);
        }));
    }

    /**
     * Records the currency on first use; afterwards checks it is the same.
     *
     * @throws IllegalStateException when the database was set up with another currency
     */
    public void requireCurrency(Currency currency) {
        String stored = database.transactions().inTransaction(() -> database.withHandle(h -> {
            Statements sql = h.attach(Statements.class);
            sql.insertIfAbsent("currency", currency.getCurrencyCode());
            return sql.value("currency");
        }));
        if (!stored.equals(currency.getCurrencyCode())) {
            throw new IllegalStateException("the database holds amounts in " + stored
                    + ", but the configured currency is " + currency.getCurrencyCode());
        }
    }
}
