package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.address.Country;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.port.out.ShippingMethodRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.shipping.ShippingMethod;
import dev.storefront.domain.shipping.ShippingMethodCode;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ShippingMethodRepository} does; money is in {@link #USD}, the store's currency. */
public abstract class ShippingMethodRepositoryContract {
    protected static final Currency USD = Currency.getInstance("USD");
    private ShippingMethodRepository methods;
    private Transactions transactions;

    /** A repository on an empty store whose currency is {@link #USD}. */
    protected abstract ShippingMethodRepository createRepository();

    protected abstract Transactions transactions();

    @BeforeEach
    void setUp() {
        methods = createRepository();
        transactions = transactions();
    }

    private static ShippingMethod method(String code, String price, String freeOver, boolean active, String... countries) {
        TreeSet<Country> to = new TreeSet<>();
        for (String country : countries) {
            to.add(new Country(country));
        }
        return new ShippingMethod(new ShippingMethodCode(code), "Method " + code, Money.of(price, USD),
                freeOver == null ? null : Money.of(freeOver, USD), to, active);
    }

    @Test
    void storesAndFindsAMethodWithEveryField() {
        ShippingMethod standard = method("standard", "4.90", "50.00", true, "US", "DE", "FR");
        methods.put(standard);
        assertEquals(Optional.of(standard), methods.findByCode(new ShippingMethodCode("standard")));
        assertEquals(List.of("DE", "FR", "US"), methods.findByCode(new ShippingMethodCode("standard")).orElseThrow()
                .countries().stream().map(Country::code).toList(), "countries kept sorted");
        assertTrue(methods.findByCode(new ShippingMethodCode("express")).isEmpty());
    }

    @Test
    void keepsANullFreeOverAnEmptyCountryListAndAZeroPrice() {
        ShippingMethod pickup = method("pickup", "0.00", null, true);
        methods.put(pickup);
        ShippingMethod found = methods.findByCode(pickup.code()).orElseThrow();
        assertEquals(pickup, found);
        assertTrue(found.freeOverAmount().isEmpty());
        assertTrue(found.countries().isEmpty());
        assertTrue(found.shipsTo(new Country("JP")), "no countries: everywhere");
    }

    @Test
    void putReplacesTheMethodWithTheSameCodeEveryFieldOfIt() {
        methods.put(method("express", "14.90", null, true, "US"));
        ShippingMethod replaced = method("express", "19.90", "200.00", false, "CA", "MX");
        methods.put(replaced);
        assertEquals(Optional.of(replaced), methods.findByCode(replaced.code()));
        assertEquals(1, methods.findAll().size());
    }

    @Test
    void findAllListsActiveAndInactiveMethodsByCode() {
        ShippingMethod zeta = method("zeta", "1.00", null, true);
        ShippingMethod alpha = method("alpha", "2.00", null, false);
        ShippingMethod mid = method("mid_2-x", "3.00", "10.00", true, "GB");
        methods.put(zeta);
        methods.put(alpha);
        methods.put(mid);
        assertEquals(List.of(alpha, mid, zeta), methods.findAll());
    }

    @Test
    void anyActiveIsTrueOnlyWhileAnActiveMethodExists() {
        assertFalse(methods.anyActive(), "an empty store");
        methods.put(method("off", "1.00", null, false));
        assertFalse(methods.anyActive(), "only an inactive method");
        methods.put(method("on", "1.00", null, true));
        assertTrue(methods.anyActive());
        assertTrue(methods.deactivate(new ShippingMethodCode("on")));
        assertFalse(methods.anyActive());
    }

    @Test
    void deactivateKeepsTheMethodAndIsFalseForAnUnknownCode() {
        ShippingMethod standard = method("standard", "4.90", "50.00", true, "US");
        methods.put(standard);
        assertTrue(methods.deactivate(standard.code()));
        assertEquals(Optional.of(standard.deactivate()), methods.findByCode(standard.code()));
        assertTrue(methods.deactivate(standard.code()), "an inactive method is still there");
        assertFalse(methods.deactivate(new ShippingMethodCode("nowhere")));
        methods.put(standard);
        assertTrue(methods.findByCode(standard.code()).orElseThrow().active(), "put brings it back");
    }

    @Test
    void aPutInATransactionThatFailsIsRolledBack() {
        methods.put(method("standard", "4.90", null, true));
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            methods.put(method("standard", "9.99", null, true));
            methods.put(method("express", "14.90", null, true));
            methods.deactivate(new ShippingMethodCode("standard"));
            throw new IllegalStateException("boom");
        }));
        assertEquals(List.of(method("standard", "4.90", null, true)), methods.findAll());
    }

    @Test
    void largeAmountsAndEveryCountryRoundTripExactly() {
        String[] all = java.util.Locale.getISOCountries();
        ShippingMethod freight = method("freight", "99999999.99", "0.01", true, all);
        methods.put(freight);
        ShippingMethod found = methods.findByCode(freight.code()).orElseThrow();
        assertEquals(freight, found);
        assertEquals(all.length, found.countries().size());
    }
}
