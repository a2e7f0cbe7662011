package dev.storefront.domain.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storefront.domain.address.Country;
import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.port.out.ShippingRates;
import dev.storefront.domain.port.out.TaxCalculator;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.promo.PromoKind;
import dev.storefront.domain.shipping.ShippingMethod;
import dev.storefront.domain.shipping.ShippingMethodCode;
import dev.storefront.domain.shipping.TaxRate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PricingTest {
    private static final java.util.Currency USD = java.util.Currency.getInstance("USD");
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final PostalAddress BERLIN = PostalAddress.parse("", "Ada", "Main St 1", null, "Berlin", "BE",
            "10115", "de", null);
    private static final PostalAddress LA = PostalAddress.parse("", "Bo", "1 Sunset Blvd", null, "Los Angeles", "ca",
            "90001", "US", null);
    private static final ShippingMethod STANDARD = new ShippingMethod(new ShippingMethodCode("standard"), "Standard",
            money("4.90"), money("50.00"), new TreeSet<>(), true);
    private static final ShippingRates METHOD_PRICE = (method, destination, discounted) -> method.priceFor(discounted);

    private static Money money(String amount) {
        return Money.of(amount, USD);
    }

    private static TaxCalculator table(TaxRate... rates) {
        return (location, taxable) -> TaxRate.applicable(List.of(rates), location.country(), location.region())
                .map(r -> r.taxOn(taxable)).orElse(Money.zero(USD));
    }

    private static PromoCode promo(PromoKind kind, String value, String minSubtotal) {
        return new PromoCode(new PromoCodeId("SAVE"), kind, value == null ? null : new BigDecimal(value),
                money(minSubtotal), null, null, null, null, 0, true, T0);
    }

    private static Pricing pricing(TaxRate... rates) {
        return new Pricing(METHOD_PRICE, table(rates));
    }

    @Test
    void roundsAPercentDiscountHalfUpAtHalfACent() {
        // 15 % of 10.10 is 1.515: half a cent, rounded up to 1.52; 15 % of 10.30 is 1.545 → 1.55.
        PriceBreakdown a = pricing().price(money("10.10"), Optional.of(promo(PromoKind.PERCENT, "15", "0")),
                Optional.empty(), Optional.empty());
        assertEquals(money("1.52"), a.discount());
        assertEquals(money("8.58"), a.total());
        PriceBreakdown b = pricing().price(money("10.30"), Optional.of(promo(PromoKind.PERCENT, "15", "0")),
                Optional.empty(), Optional.empty());
        assertEquals(money("1.55"), b.discount());
        // 12.5 % of 0.04 is 0.005 → 0.01; of 0.03 it is 0.00375 → 0.00.
        assertEquals(money("0.01"), pricing().price(money("0.04"),
                Optional.of(promo(PromoKind.PERCENT, "12.5", "0")), Optional.empty(), Optional.empty()).discount());
        assertEquals(money("0.00"), pricing().price(money("0.03"),
                Optional.of(promo(PromoKind.PERCENT, "12.5", "0")), Optional.empty(), Optional.empty()).discount());
    }

    @Test
    void capsAnAmountDiscountAtTheSubtotal() {
        PriceBreakdown price = pricing().price(money("7.50"), Optional.of(promo(PromoKind.AMOUNT, "10.00", "0")),
                Optional.empty(), Optional.empty());
        assertEquals(money("7.50"), price.discount());
        assertEquals(money("0.00"), price.total());
        assertEquals(money("3.00"), pricing().price(money("7.50"), Optional.of(promo(PromoKind.AMOUNT, "3", "0")),
                Optional.empty(), Optional.empty()).discount());
    }

    @Test
    void comparesFreeOverWithTheSubtotalAfterTheDiscount() {
        Optional<Pricing.Shipment> standard = Optional.of(new Pricing.Shipment(STANDARD, BERLIN));
        // 55.00 is over the threshold of 50.00 ...
        assertEquals(money("0.00"), pricing().price(money("55.00"), Optional.empty(), standard, Optional.empty())
                .shipping());
        // ... but 10 % off leaves 49.50, under it: shipping is charged.
        PriceBreakdown discounted = pricing().price(money("55.00"),
                Optional.of(promo(PromoKind.PERCENT, "10", "0")), standard, Optional.empty());
        assertEquals(money("5.50"), discounted.discount());
        assertEquals(money("4.90"), discounted.shipping());
        assertEquals(money("54.40"), discounted.total());
        // Exactly at the threshold it is free.
        assertEquals(money("0.00"), pricing().price(money("50.00"), Optional.empty(), standard, Optional.empty())
                .shipping());
    }

    @Test
    void aFreeShippingCodeTakesOffTheShippingAndNothingElse() {
        PriceBreakdown price = pricing().price(money("20.00"), Optional.of(promo(PromoKind.FREE_SHIPPING, null, "0")),
                Optional.of(new Pricing.Shipment(STANDARD, BERLIN)), Optional.empty());
        assertEquals(money("0.00"), price.discount());
        assertEquals(money("0.00"), price.shipping());
        assertEquals(money("20.00"), price.total());
    }

    @Test
    void taxesSubtotalLessDiscountPlusShippingOnceHalfUp() {
        // (10.00 − 1.00 + 4.90) × 19 % = 13.90 × 0.19 = 2.641 → 2.64.
        PriceBreakdown price = pricing(new TaxRate(new Country("DE"), "", new BigDecimal("19"))).price(money("10.00"),
                Optional.of(promo(PromoKind.AMOUNT, "1.00", "0")), Optional.of(new Pricing.Shipment(STANDARD, BERLIN)),
                Optional.of(TaxLocation.of(BERLIN)));
        assertEquals(money("2.64"), price.tax());
        assertEquals(money("16.54"), price.total());
        // 8.875 % of 10.00 = 0.8875 → 0.89 (half-up of the whole, not per part).
        assertEquals(money("0.89"), pricing(new TaxRate(new Country("US"), "", new BigDecimal("8.875")))
                .price(money("10.00"), Optional.empty(), Optional.empty(), Optional.of(TaxLocation.of(LA))).tax());
    }

    @Test
    void aRegionalRateWinsOverTheCountrysAndRegionsMatchRegardlessOfCase() {
        Pricing pricing = pricing(new TaxRate(new Country("US"), "", new BigDecimal("5")),
                new TaxRate(new Country("US"), "CA", new BigDecimal("7.25")));
        // LA's region was typed "ca".
        assertEquals(money("0.73"), pricing.price(money("10.00"), Optional.empty(), Optional.empty(),
                Optional.of(TaxLocation.of(LA))).tax());
        assertEquals(money("0.50"), pricing.price(money("10.00"), Optional.empty(), Optional.empty(),
                Optional.of(new TaxLocation(new Country("US"), "NY"))).tax());
    }

    @Test
    void noRateOrNoLocationMeansNoTax() {
        Pricing pricing = pricing(new TaxRate(new Country("US"), "", new BigDecimal("5")));
        assertEquals(money("0.00"), pricing.price(money("10.00"), Optional.empty(), Optional.empty(),
                Optional.of(TaxLocation.of(BERLIN))).tax());
        assertEquals(money("0.00"), pricing.price(money("10.00"), Optional.empty(), Optional.empty(),
                Optional.empty()).tax());
    }

    @Test
    void aPluggedShippingRateIsUsedAsItAnswers() {
        ShippingRates carrier = (method, destination, discounted) -> destination.country().code().equals("DE")
                ? money("3.33") : money("9.99");
        Pricing pricing = new Pricing(carrier, table());
        assertEquals(money("3.33"), pricing.price(money("80.00"), Optional.empty(),
                Optional.of(new Pricing.Shipment(STANDARD, BERLIN)), Optional.empty()).shipping());
    }

    @Test
    void aBreakdownNeverHasANegativePartNorADiscountOverTheSubtotal() {
        assertThrows(IllegalArgumentException.class,
                () -> new PriceBreakdown(money("1.00"), money("2.00"), money("0"), money("0")));
        assertThrows(IllegalArgumentException.class,
                () -> new PriceBreakdown(money("1.00"), money("0"), money("-1.00"), money("0")));
        assertEquals(Set.of(), new TreeSet<>(STANDARD.countries()));
    }
}
