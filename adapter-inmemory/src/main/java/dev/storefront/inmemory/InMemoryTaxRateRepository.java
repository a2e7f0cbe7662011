package dev.storefront.inmemory;

import dev.storefront.domain.address.Country;
import dev.storefront.domain.port.out.TaxRateRepository;
import dev.storefront.domain.shipping.TaxRate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Tax rates in a map by country and region; rolls back with {@link InMemoryTransactions}. */
public final class InMemoryTaxRateRepository implements TaxRateRepository, InMemoryTransactions.Participant {
    private final Map<String, TaxRate> rates = new TreeMap<>();

    public InMemoryTaxRateRepository(InMemoryTransactions transactions) {
        transactions.register(this);
    }

    private static String key(Country country, String region) {
        return country.code() + "\u0000" + TaxRate.normalRegion(region);
    }

    @Override
    public synchronized void put(TaxRate rate) {
        rates.put(key(rate.country(), rate.region()), rate);
    }

    @Override
    public synchronized List<TaxRate> findAll() {
        return List.copyOf(rates.values());
    }

    @Override
    public synchronized List<TaxRate> findByCountry(Country country) {
        return rates.values().stream().filter(r -> r.country().equals(country)).toList();
    }

    @Override
    public synchronized boolean delete(Country country, String region) {
        return rates.remove(key(country, region)) != null;
    }

    @Override
    public synchronized Runnable snapshot() {
        return Snapshots.of(this, rates);
    }
}
