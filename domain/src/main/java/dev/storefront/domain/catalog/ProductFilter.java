package dev.storefront.domain.catalog;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which active products a search returns; every part is optional ({@code null}) and the parts
 * combine with AND.
 *
 * @param text        case-insensitive text contained in the name or the description, taken literally
 *                    ({@code %} and {@code _} are not wildcards); blank means no text filter
 * @param category    the exact category name
 * @param minPrice    lowest price, inclusive
 * @param maxPrice    highest price, inclusive
 * @param inStockOnly only products with stock above zero
 * @throws InvalidInputException when a price has more than 2 decimals or is negative, when
 *                               {@code minPrice > maxPrice}, or when the text is too long
 */
public record ProductFilter(String text, String category, BigDecimal minPrice, BigDecimal maxPrice,
                            boolean inStockOnly) {
    public static final int TEXT_MAX = 100;

    public ProductFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        List<FieldViolation> violations = new ArrayList<>();
        if (text != null && text.codePointCount(0, text.length()) > TEXT_MAX) {
            violations.add(new FieldViolation("q", "must be at most " + TEXT_MAX + " characters"));
        } else if (text != null && text.codePoints().anyMatch(Character::isISOControl)) {
            violations.add(new FieldViolation("q", "must not contain control characters"));
        }
        if (category != null && ProductRules.categoryProblem(category) != null) {
            violations.add(new FieldViolation("category", ProductRules.categoryProblem(category)));
        }
        category = ProductRules.clean(category);
        priceProblem(minPrice).ifPresent(p -> violations.add(new FieldViolation("minPrice", p)));
        priceProblem(maxPrice).ifPresent(p -> violations.add(new FieldViolation("maxPrice", p)));
        if (violations.isEmpty() && minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            violations.add(new FieldViolation("minPrice", "must not be greater than maxPrice"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    /** No filter: every active product. */
    public static ProductFilter none() {
        return new ProductFilter(null, null, null, null, false);
    }

    private static Optional<String> priceProblem(BigDecimal price) {
        if (price == null) {
            return Optional.empty();
        }
        if (price.signum() < 0) {
            return Optional.of("must not be negative");
        }
        if (price.stripTrailingZeros().scale() > 2) {
            return Optional.of("must have at most 2 decimals");
        }
        return Optional.empty();
    }

    /**
     * The price bounds in minor units (cents), for stores that keep amounts as integers. A bound
     * above the highest price a product can have ({@link ProductRules#PRICE_MAX}) is capped just above
     * it, which selects exactly the same products and always fits a {@code long}.
     */
    public Optional<Long> minPriceMinorUnits() {
        return Optional.ofNullable(minPrice).map(ProductFilter::minorUnitsCapped);
    }

    public Optional<Long> maxPriceMinorUnits() {
        return Optional.ofNullable(maxPrice).map(ProductFilter::minorUnitsCapped);
    }

    private static long minorUnitsCapped(BigDecimal price) {
        BigDecimal aboveEveryPrice = ProductRules.PRICE_MAX.add(new BigDecimal("0.01"));
        return price.min(aboveEveryPrice).movePointRight(2).longValueExact();
    }
}
