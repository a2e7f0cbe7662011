package dev.storefront.domain.port.out;

import dev.storefront.domain.address.Country;
import dev.storefront.domain.shipping.TaxRate;
import java.util.List;

/**
 * The admin-managed tax rates, one per country and region ({@code ""} for the whole country; regions
 * are kept normalised, see {@link TaxRate}). Methods join the caller's transaction.
 */
public interface TaxRateRepository {

    /** Creates the rate or replaces the one for its country and region. */
    void put(TaxRate rate);

    /** Every rate, by country then region. */
    List<TaxRate> findAll();

    /** The country's rates: its country-wide one and its regions'. */
    List<TaxRate> findByCountry(Country country);

    /** Deletes the rate of the country and (normalised) region; false when there is none. */
    boolean delete(Country country, String region);
}
