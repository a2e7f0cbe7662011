package dev.storefront.domain.shipping;

import dev.storefront.domain.address.Country;
import dev.storefront.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A tax rate, in percent (0–100, at most 3 decimals: {@code 8.875}), for a country or, with a
 * non-empty {@code region}, for one region of it. A region is kept stripped and upper-cased, and
 * matched so: an address in region {@code " ca"} pays the rate of {@code "CA"}.
 */
public record TaxRate(Country country, String region, BigDecimal rate) {
    public static final int REGION_MAX = 100;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    public static final String RATE_PROBLEM = "must be a percentage from 0 to 100 with at most 3 decimals";

    public TaxRate {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(rate, "rate");
        region = normalRegion(region);
        if (region.codePointCount(0, region.length()) > REGION_MAX || region.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a tax region has at most " + REGION_MAX + " characters");
        }
        if (rateProblem(rate) != null) {
            throw new IllegalArgumentException("invalid tax rate: " + rate);
        }
        rate = rate.stripTrailingZeros();
        if (rate.scale() < 0) {
            rate = rate.setScale(0);
        }
    }

    /** What is wrong with a rate a client sent, or {@code null}. */
    public static String rateProblem(BigDecimal rate) {
        if (rate.signum() < 0 || rate.compareTo(HUNDRED) > 0 || rate.stripTrailingZeros().scale() > 3) {
            return RATE_PROBLEM;
        }
        return null;
    }

    /** Whether this rate is for the whole country. */
    public boolean isCountryWide() {
        return region.isEmpty();
    }

    /** The tax on an amount: {@code rate × taxable}, rounded half-up to the cent. */
    public Money taxOn(Money taxable) {
        BigDecimal tax = taxable.amount().multiply(rate).divide(HUNDRED, Money.SCALE, RoundingMode.HALF_UP);
        return new Money(tax, taxable.currency());
    }

    /**
     * The rate that applies to an address in {@code country} and {@code region}: the region's own
     * rate wins over the country's; none when neither exists.
     */
    public static Optional<TaxRate> applicable(Collection<TaxRate> rates, Country country, String region) {
        String wanted = normalRegion(region);
        Optional<TaxRate> regional = wanted.isEmpty() ? Optional.empty() : rates.stream()
                .filter(r -> r.country.equals(country) && normalRegion(r.region).equals(wanted))
                .findFirst();
        return regional.or(() -> rates.stream().filter(r -> r.country.equals(country) && r.isCountryWide()).findFirst());
    }

    /** A region as rates are keyed and matched: stripped, upper case. */
    public static String normalRegion(String region) {
        return region == null ? "" : region.strip().toUpperCase(Locale.ROOT);
    }
}
