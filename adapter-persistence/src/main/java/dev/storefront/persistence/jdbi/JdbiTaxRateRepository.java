package dev.storefront.persistence.jdbi;

import dev.storefront.domain.address.Country;
import dev.storefront.domain.port.out.TaxRateRepository;
import dev.storefront.domain.shipping.TaxRate;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Tax rates in table {@code tax_rate}, in thousandths of a percent (8.875 % is 8875), keyed by
 * country and normalised region ({@code ""}: the whole country). Joins the thread's transaction.
 */
public final class JdbiTaxRateRepository implements TaxRateRepository {
    private static final String COLUMNS = "country, region, rate_thousandths";
    private final Database database;

    public JdbiTaxRateRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    private static TaxRate rate(ResultSet rs) throws SQLException {
        return new TaxRate(new Country(rs.getString("country")), rs.getString("region"),
                BigDecimal.valueOf(rs.getLong("rate_thousandths"), 3));
    }

    /** Exact: a rate has at most 3 decimals ({@link TaxRate}), so this never rounds. */
    private static int thousandths(TaxRate rate) {
        return rate.rate().movePointRight(3).intValueExact();
    }

    @Override
    public void put(TaxRate rate) {
        database.withHandle(h -> h.createUpdate("INSERT INTO tax_rate (" + COLUMNS + ") VALUES (:country, :region,"
                        + " :rate) ON CONFLICT (country, region) DO UPDATE SET rate_thousandths = excluded.rate_thousandths")
                .bind("country", rate.country().code())
                .bind("region", rate.region())
                .bind("rate", thousandths(rate))
                .execute());
    }

    @Override
    public List<TaxRate> findAll() {
        return database.withReadHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM tax_rate ORDER BY country, region")
                .map((rs, ctx) -> rate(rs))
                .list());
    }

    @Override
    public List<TaxRate> findByCountry(Country country) {
        return database.withReadHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM tax_rate WHERE country = :country"
                        + " ORDER BY region")
                .bind("country", country.code())
                .map((rs, ctx) -> rate(rs))
                .list());
    }

    @Override
    public boolean delete(Country country, String region) {
        return database.withHandle(h -> h.createUpdate("DELETE FROM tax_rate WHERE country = :country AND region = :region")
                .bind("country", country.code())
                .bind("region", TaxRate.normalRegion(region))
                .execute()) > 0;
    }
}
