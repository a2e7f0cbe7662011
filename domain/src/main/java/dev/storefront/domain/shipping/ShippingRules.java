package dev.storefront.domain.shipping;

import dev.storefront.domain.address.Country;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.common.Text;
import dev.storefront.domain.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.TreeSet;

/**
 * The rules of what an admin sends for a shipping method or a tax rate, field by field, so that a
 * client gets every broken rule at once, each naming its field. A {@code null} field is "not given".
 */
public final class ShippingRules {
    /** The most a shipping price or threshold may be, as for a product's price. */
    /** More entries than there are countries is a mistake (or an attack), not a list. */
    public static final int COUNTRIES_MAX = 300;

    private ShippingRules() {}

    /**
     * A shipping method from an admin's fields; {@code countries} {@code null} ships everywhere,
     * {@code active} {@code null} is active. Country codes are trimmed and upper-cased, duplicates collapsed.
     *
     * @throws InvalidInputException naming each invalid field
     */
    public static ShippingMethod shippingMethod(String code, String name, BigDecimal price, BigDecimal freeOver,
                                                List<String> countries, Boolean active, Currency currency) {
        List<FieldViolation> violations = new ArrayList<>();
        if (code == null) {
            violations.add(new FieldViolation("code", "is required"));
        } else if (!ShippingMethodCode.isValid(code)) {
            violations.add(new FieldViolation("code", ShippingMethodCode.PROBLEM));
        }
        String nameProblem = nameProblem(name);
        if (nameProblem != null) {
            violations.add(new FieldViolation("name", nameProblem));
        }
        if (price == null) {
            violations.add(new FieldViolation("price", "is required"));
        } else if (Money.inputProblem(price, false) != null) {
            violations.add(new FieldViolation("price", Money.inputProblem(price, false)));
        }
        if (freeOver != null && Money.inputProblem(freeOver, false) != null) {
            violations.add(new FieldViolation("freeOver", Money.inputProblem(freeOver, false)));
        }
        TreeSet<Country> shipsTo = new TreeSet<>();
        if (countries != null) {
            String problem = countriesProblem(countries, shipsTo);
            if (problem != null) {
                violations.add(new FieldViolation("countries", problem));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new ShippingMethod(new ShippingMethodCode(code), name,
                new Money(price, currency), freeOver == null ? null : new Money(freeOver, currency),
                shipsTo, active == null || active);
    }

    /**
     * A tax rate from an admin's fields; {@code region} {@code null} or blank is the whole country.
     *
     * @throws InvalidInputException naming each invalid field
     */
    public static TaxRate taxRate(String country, String region, BigDecimal rate) {
        List<FieldViolation> violations = new ArrayList<>();
        Country parsed = null;
        if (country == null) {
            violations.add(new FieldViolation("country", "is required"));
        } else {
            parsed = Country.parse(country).orElse(null);
            if (parsed == null) {
                violations.add(new FieldViolation("country", Country.PROBLEM));
            }
        }
        String normal = TaxRate.normalRegion(region);
        if (normal.codePointCount(0, normal.length()) > TaxRate.REGION_MAX || !Text.isWellFormed(normal)
                || normal.codePoints().anyMatch(Character::isISOControl)) {
            violations.add(new FieldViolation("region", "must have at most " + TaxRate.REGION_MAX
                    + " characters and no control characters (\"\" for the whole country)"));
        }
        if (rate == null) {
            violations.add(new FieldViolation("rate", "is required"));
        } else if (TaxRate.rateProblem(rate) != null) {
            violations.add(new FieldViolation("rate", TaxRate.rateProblem(rate)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new TaxRate(parsed, normal, rate);
    }

    static String nameProblem(String name) {
        if (name == null) {
            return "is required";
        }
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > ShippingMethod.NAME_MAX) {
            return "must have 1 to " + ShippingMethod.NAME_MAX + " characters";
        }
        if (!Text.isWellFormed(stripped) || stripped.codePoints().anyMatch(Character::isISOControl)) {
            return "must not contain control characters";
        }
        return null;
    }

    /** Fills {@code into} with the parsed countries; the problem with the list, or {@code null}. */
    private static String countriesProblem(List<String> countries, TreeSet<Country> into) {
        if (countries.size() > COUNTRIES_MAX) {
            return "must have at most " + COUNTRIES_MAX + " entries";
        }
        for (int i = 0; i < countries.size(); i++) {
            String code = countries.get(i);
            var country = Country.parse(code);
            if (country.isEmpty()) {
                return "entry " + i + " " + Country.PROBLEM;
            }
            into.add(country.get());
        }
        return null;
    }
}
