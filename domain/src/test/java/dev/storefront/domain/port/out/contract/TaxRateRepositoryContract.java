package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.address.Country;
import dev.storefront.domain.port.out.TaxRateRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.shipping.TaxRate;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link TaxRateRepository} does. */
public abstract class TaxRateRepositoryContract {
    private static final Country US = new Country("US");
    private static final Country DE = new Country("DE");
    private static final Country AT = new Country("AT");
    private TaxRateRepository rates;
    private Transactions transactions;

    protected abstract TaxRateRepository createRepository();

    protected abstract Transactions transactions();

    @BeforeEach
    void setUp() {
        rates = createRepository();
        transactions = transactions();
    }

    private static TaxRate rate(Country country, String region, String percent) {
        return new TaxRate(country, region, new BigDecimal(percent));
    }

    @Test
    void storesRatesWithThreeDecimalsExactlyAndListsThemByCountryThenRegion() {
        TaxRate ny = rate(US, "NY", "8.875");
        TaxRate us = rate(US, "", "0");
        TaxRate ca = rate(US, "CA", "7.25");
        TaxRate de = rate(DE, "", "19");
        TaxRate at = rate(AT, "", "100");
        for (TaxRate r : List.of(ny, us, ca, de, at)) {
            rates.put(r);
        }
        assertEquals(List.of(at, de, us, ca, ny), rates.findAll());
        assertEquals(new BigDecimal("8.875"), rates.findAll().get(4).rate());
        assertEquals("19", rates.findAll().get(1).rate().toPlainString(), "kept without trailing zeros");
    }

    @Test
    void findByCountryGivesTheCountryWideAndRegionalRatesOfThatCountryOnly() {
        rates.put(rate(US, "NY", "8.875"));
        rates.put(rate(US, "", "5"));
        rates.put(rate(DE, "", "19"));
        assertEquals(List.of(rate(US, "", "5"), rate(US, "NY", "8.875")), rates.findByCountry(US));
        assertEquals(List.of(rate(DE, "", "19")), rates.findByCountry(DE));
        assertTrue(rates.findByCountry(AT).isEmpty());
    }

    @Test
    void putReplacesTheRateOfTheSameCountryAndNormalisedRegion() {
        rates.put(rate(US, "ny", "4"));
        rates.put(rate(US, " NY ", "8.875"));
        assertEquals(List.of(rate(US, "NY", "8.875")), rates.findAll());
        assertEquals("NY", rates.findAll().get(0).region());
    }

    @Test
    void deleteRemovesOneRateMatchingTheRegionNormalisedAndIsFalseWhenThereIsNone() {
        rates.put(rate(US, "", "5"));
        rates.put(rate(US, "NY", "8.875"));
        assertTrue(rates.delete(US, " ny"));
        assertEquals(List.of(rate(US, "", "5")), rates.findAll());
        assertFalse(rates.delete(US, "NY"));
        assertFalse(rates.delete(DE, ""));
        assertTrue(rates.delete(US, ""));
        assertTrue(rates.findAll().isEmpty());
    }

    @Test
    void aNonAsciiRegionRoundTrips() {
        TaxRate idf = rate(new Country("FR"), "Île-de-France", "20");
        rates.put(idf);
        assertEquals(List.of(idf), rates.findByCountry(new Country("FR")));
        assertEquals("ÎLE-DE-FRANCE", rates.findAll().get(0).region());
    }

    @Test
    void aPutInATransactionThatFailsIsRolledBack() {
        rates.put(rate(DE, "", "19"));
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            rates.put(rate(DE, "", "7"));
            rates.put(rate(US, "", "5"));
            rates.delete(DE, "");
            throw new IllegalStateException("boom");
        }));
        assertEquals(List.of(rate(DE, "", "19")), rates.findAll());
    }
}
