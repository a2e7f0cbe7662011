package dev.storefront.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency with exactly two decimals. There is deliberately no constructor
 * from {@code double}: amounts come from strings, minor units or other {@code Money}.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    public static final int SCALE = 2;
    /** The largest amount: what the database can hold as a {@code long} of minor units. */
    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE, SCALE);
    private static final int MAX_INTEGER_DIGITS = MAX.precision() - SCALE;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        BigDecimal stripped = amount.stripTrailingZeros();
        // Checked on the compact form (toString, not toPlainString): 1E+10000000 must not be expanded.
        if (stripped.scale() > SCALE) {
            throw new IllegalArgumentException("money has at most " + SCALE + " decimals: " + amount);
        }
        if (stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("money amount out of range: " + amount);
        }
        // Exact: setScale only adds zeros here, the check above rules out rounding.
        amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        if (amount.abs().compareTo(MAX) > 0) {
            throw new IllegalArgumentException("money amount out of range: " + amount);
        }
    }

    /** The largest amount a person may enter (a price, a shipping price, an amount off): 99,999,999.99. */
    public static final BigDecimal INPUT_MAX = new BigDecimal("99999999.99");

    /**
     * What is wrong with an amount a client entered, in words fit for a field error, or {@code null}:
     * negative (not above 0 when {@code positive}), over {@link #INPUT_MAX}, or more than 2 decimals.
     */
    public static String inputProblem(BigDecimal amount, boolean positive) {
        if (positive ? amount.signum() <= 0 : amount.signum() < 0) {
            return positive ? "must be more than 0" : "must not be negative";
        }
        if (amount.compareTo(INPUT_MAX) > 0) {
            return "must be at most " + INPUT_MAX.toPlainString();
        }
        if (amount.stripTrailingZeros().scale() > SCALE) {
            return "must have at most 2 decimals";
        }
        return null;
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public static Money of(String amount, Currency currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money ofMinorUnits(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits, SCALE), currency);
    }

    /**
     * Parses money typed by a person or sent by a client: a plain decimal number with at most two
     * decimals, not negative. Rejects exponents, signs other than none, and blanks.
     *
     * @throws IllegalArgumentException with a message fit for a field error
     */
    public static Money parse(String text, Currency currency) {
        if (text == null || !text.matches("\\d{1,13}(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException(
                    "must be a non-negative amount with at most 2 decimals, like \"19.99\"");
        }
        return of(text, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(long quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public long toMinorUnits() {
        return amount.movePointRight(SCALE).longValueExact();
    }

    /** The amount as a plain string with two decimals, {@code "19.99"}. */
    public String toPlainString() {
        return amount.toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toPlainString() + " " + currency.getCurrencyCode();
    }
}
