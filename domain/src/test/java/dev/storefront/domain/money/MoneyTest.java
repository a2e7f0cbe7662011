package dev.storefront.domain.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");

    private static Money usd(String amount) {
        return Money.parse(amount, USD);
    }

    @Test
    void amountAlwaysHasScaleTwo() {
        assertEquals(2, new Money(new BigDecimal("5"), USD).amount().scale());
        assertEquals("5.00", new Money(new BigDecimal("5"), USD).toPlainString());
        assertEquals("1.50", new Money(new BigDecimal("1.5"), USD).toPlainString());
        assertEquals("1.50", new Money(new BigDecimal("1.500"), USD).toPlainString(), "trailing zeros are not decimals");
        assertEquals("1000.00", new Money(new BigDecimal("1E+3"), USD).toPlainString());
    }

    @Test
    void equalAmountsAreEqualWhateverTheirWrittenScale() {
        assertEquals(new Money(new BigDecimal("1.5"), USD), new Money(new BigDecimal("1.50"), USD));
        assertEquals(new Money(new BigDecimal("1.5"), USD).hashCode(), new Money(new BigDecimal("1.50"), USD).hashCode());
    }

    @Test
    void threeDecimalsAreRejectedNotRounded() {
        assertThrows(IllegalArgumentException.class, () -> new Money(new BigDecimal("19.999"), USD));
        assertThrows(IllegalArgumentException.class, () -> new Money(new BigDecimal("0.001"), USD));
        assertThrows(IllegalArgumentException.class, () -> Money.of("0.005", USD));
    }

    @Test
    void nullsAreRejected() {
        assertThrows(NullPointerException.class, () -> new Money(null, USD));
        assertThrows(NullPointerException.class, () -> new Money(BigDecimal.ONE, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E+10000000", "1E+1000000000", "-1E+10000000", "1E-10000000", "1E-1000000000"})
    void absurdMagnitudeIsRejectedAtOnceWithoutBeingExpanded(String huge) {
        // A JSON number like 1E+10000000 parses to a tiny BigDecimal; widening it to scale 2 (or
        // printing it plainly) builds a ten-million-digit number: seconds of CPU per request.
        BigDecimal amount = new BigDecimal(huge);

        assertTimeoutPreemptively(Duration.ofMillis(500), () ->
                assertThrows(IllegalArgumentException.class, () -> new Money(amount, USD)));
    }

    @Test
    void largestStorableAmountIsAcceptedAndOneCentMoreIsNot() {
        Money max = Money.ofMinorUnits(Long.MAX_VALUE, USD);

        assertEquals("92233720368547758.07", max.toPlainString());
        assertEquals(Long.MAX_VALUE, max.toMinorUnits());
        assertEquals(-Long.MAX_VALUE, Money.ofMinorUnits(-Long.MAX_VALUE, USD).toMinorUnits());
        assertThrows(IllegalArgumentException.class, () -> Money.of("92233720368547758.08", USD));
        assertThrows(IllegalArgumentException.class, () -> Money.of("99999999999999999.99", USD));
        assertThrows(IllegalArgumentException.class, () -> max.plus(Money.of("0.01", USD)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"19.99", "0", "0.5", "0.05", "19", "1234567890123.45"})
    void parseAcceptsPlainAmountsWithAtMostTwoDecimals(String text) {
        assertEquals(new BigDecimal(text).setScale(2), Money.parse(text, USD).amount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"19.999", "-1", "-0.01", "+1", "1e3", "1E3", "abc", "", " ", " 19.99", "19.99 ", "19.",
            ".5", "1,00", "0x10", "NaN", "Infinity", "١٢", "12345678901234"})
    void parseRejectsEverythingElse(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.parse(text, USD));

        assertTrue(e.getMessage().contains("2 decimals"), e.getMessage());
    }

    @Test
    void parseRejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> Money.parse(null, USD));
    }

    @Test
    void arithmeticIsExact() {
        Money total = usd("0.10").times(3).plus(usd("0.20"));

        assertEquals("0.50", total.toPlainString());
        assertEquals(usd("0.50"), total);
    }

    @Test
    void currencyMismatchIsRejected() {
        Money dollars = usd("1.00");
        Money euros = Money.parse("1.00", EUR);

        assertThrows(IllegalArgumentException.class, () -> dollars.plus(euros));
        assertThrows(IllegalArgumentException.class, () -> dollars.compareTo(euros));
        assertFalse(dollars.equals(euros));
    }

    @Test
    void minorUnitsRoundTrip() {
        for (long minor : new long[] {0, 1, 99, 100, 1999, 123456789, -250}) {
            assertEquals(minor, Money.ofMinorUnits(minor, USD).toMinorUnits(), () -> "minor units " + minor);
        }
        assertEquals("19.99", Money.ofMinorUnits(1999, USD).toPlainString());
        assertEquals(1999, usd("19.99").toMinorUnits());
        assertEquals(500, usd("5").toMinorUnits());
    }

    @Test
    void compareToOrdersByAmount() {
        assertTrue(usd("1.99").compareTo(usd("2.00")) < 0);
        assertTrue(usd("2.00").compareTo(usd("1.99")) > 0);
        assertEquals(0, usd("2").compareTo(usd("2.00")));
    }

    @Test
    void zeroIsZero() {
        Money zero = Money.zero(USD);

        assertTrue(zero.isZero());
        assertFalse(zero.isNegative());
        assertEquals("0.00", zero.toPlainString());
        assertEquals(usd("19.99"), zero.plus(usd("19.99")));
        assertEquals(zero, usd("19.99").times(0));
    }

    @Test
    void negativeComesOnlyFromArithmetic() {
        Money refund = usd("5.00").times(-1);

        assertTrue(refund.isNegative());
        assertEquals("-5.00", refund.toPlainString());
    }

    @Test
    void toStringShowsAmountAndCurrency() {
        assertEquals("19.99 USD", usd("19.99").toString());
    }
}
