package dev.storefront.persistence.jdbi;

import dev.storefront.domain.address.Country;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.port.out.ShippingMethodRepository;
import dev.storefront.domain.shipping.ShippingMethod;
import dev.storefront.domain.shipping.ShippingMethodCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Shipping methods in table {@code shipping_method}: money in minor units of the store's currency,
 * countries as their sorted codes joined by commas ({@code ""}: everywhere). Joins the thread's transaction.
 */
public final class JdbiShippingMethodRepository implements ShippingMethodRepository {
    private static final String COLUMNS = "code, name, price_minor, free_over_minor, countries, active";
    private final Database database;
    private final Currency currency;

    /** @param currency the store's currency, which every stored amount of minor units is in */
    public JdbiShippingMethodRepository(Database database, Currency currency) {
        this.database = Objects.requireNonNull(database, "database");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    private ShippingMethod method(ResultSet rs) throws SQLException {
        Long freeOver = Columns.nullableLong(rs, "free_over_minor");
        TreeSet<Country> countries = Arrays.stream(rs.getString("countries").split(","))
                .filter(code -> !code.isEmpty())
                .map(Country::new)
                .collect(Collectors.toCollection(TreeSet::new));
        return new ShippingMethod(new ShippingMethodCode(rs.getString("code")), rs.getString("name"),
                Money.ofMinorUnits(rs.getLong("price_minor"), currency),
                freeOver == null ? null : Money.ofMinorUnits(freeOver, currency),
                countries, rs.getInt("active") == 1);
    }

    @Override
    public void put(ShippingMethod method) {
        String countries = method.countries().stream().map(Country::code).collect(Collectors.joining(","));
        database.withHandle(h -> h.createUpdate("INSERT INTO shipping_method (" + COLUMNS + ") VALUES (:code, :name,"
                        + " :price, :freeOver, :countries, :active) ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
                        + " price_minor = excluded.price_minor, free_over_minor = excluded.free_over_minor,"
                        + " countries = excluded.countries, active = excluded.active")
                .bind("code", method.code().value())
                .bind("name", method.name())
                .bind("price", method.price().toMinorUnits())
                .bind("freeOver", method.freeOverAmount().map(Money::toMinorUnits).orElse(null))
                .bind("countries", countries)
                .bind("active", method.active() ? 1 : 0)
                .execute());
    }

    @Override
    public Optional<ShippingMethod> findByCode(ShippingMethodCode code) {
        return database.withReadHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM shipping_method WHERE code = :code")
                .bind("code", code.value())
                .map((rs, ctx) -> method(rs))
                .findOne());
    }

    @Override
    public List<ShippingMethod> findAll() {
        // Codes are ASCII: byte order on both engines, and the fake's String order.
        return database.withReadHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM shipping_method ORDER BY code")
                .map((rs, ctx) -> method(rs))
                .list());
    }

    @Override
    public boolean anyActive() {
        return database.withReadHandle(h -> h.createQuery("SELECT 1 FROM shipping_method WHERE active = 1 LIMIT 1")
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
    }

    @Override
    public boolean deactivate(ShippingMethodCode code) {
        return database.withHandle(h -> h.createUpdate("UPDATE shipping_method SET active = 0 WHERE code = :code")
                .bind("code", code.value())
                .execute()) > 0;
    }
}
