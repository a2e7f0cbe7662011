package dev.storefront.domain.catalog;

import dev.storefront.domain.common.FieldViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules for a product's fields, in one place, with messages fit to show a person. Text fields
 * are stripped of surrounding white space before they are checked and stored.
 *
 * <ul>
 *   <li>{@code sku}: 1–64 of {@code A-Z a-z 0-9 . _ -}, unique regardless of case</li>
 *   <li>{@code name}: 1–200 characters, no control characters</li>
 *   <li>{@code description}: at most 5000 characters (may be empty)</li>
 *   <li>{@code category}: 1–64 characters, no control characters</li>
 *   <li>{@code price}: 0.00 to 99,999,999.99 with at most 2 decimals</li>
 *   <li>{@code stock}: a whole number from 0 to 1,000,000</li>
 * </ul>
 */
public final class ProductRules {
    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 5_000;
    public static final int CATEGORY_MAX = 64;
    public static final int STOCK_MAX = 1_000_000;
    public static final BigDecimal PRICE_MAX = new BigDecimal("99999999.99");

    private ProductRules() {}

    /**
     * Checks the given fields. A {@code null} field is "not given": an error ("is required") when
     * {@code required}, skipped otherwise. The description is never required.
     */
    public static List<FieldViolation> check(String sku, String name, String description, String category,
                                             BigDecimal price, Integer stock, boolean required) {
        List<FieldViolation> violations = new ArrayList<>();
        check(violations, "sku", sku, required, ProductRules::skuProblem);
        check(violations, "name", name, required, ProductRules::nameProblem);
        check(violations, "description", description, false, ProductRules::descriptionProblem);
        check(violations, "category", category, required, ProductRules::categoryProblem);
        check(violations, "price", price, required, ProductRules::priceProblem);
        check(violations, "stock", stock, required, ProductRules::stockProblem);
        return violations;
    }

    private interface Rule<T> {
        String problem(T value);
    }

    private static <T> void check(List<FieldViolation> violations, String field, T value, boolean required,
                                  Rule<T> rule) {
        if (value == null) {
            if (required) {
                violations.add(new FieldViolation(field, "is required"));
            }
            return;
        }
        String problem = rule.problem(value);
        if (problem != null) {
            violations.add(new FieldViolation(field, problem));
        }
    }

    /** Text as stored: without surrounding white space. */
    public static String clean(String text) {
        return text == null ? null : text.strip();
    }

    static String skuProblem(String sku) {
        return Sku.isValid(sku) ? null : "must be 1 to " + Sku.MAX_LENGTH + " letters, digits, '.', '_' or '-'";
    }

    static String nameProblem(String name) {
        return singleLineProblem(clean(name), NAME_MAX);
    }

    static String categoryProblem(String category) {
        return singleLineProblem(clean(category), CATEGORY_MAX);
    }

    static String descriptionProblem(String description) {
        String text = clean(description);
        if (text.codePointCount(0, text.length()) > DESCRIPTION_MAX) {
            return "must be at most " + DESCRIPTION_MAX + " characters";
        }
        boolean control = text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
        return control ? "must not contain control characters" : null;
    }

    static String priceProblem(BigDecimal price) {
        if (price.signum() < 0) {
            return "must not be negative";
        }
        if (price.compareTo(PRICE_MAX) > 0) {
            return "must be at most " + PRICE_MAX.toPlainString();
        }
        if (price.stripTrailingZeros().scale() > 2) {
            return "must have at most 2 decimals";
        }
        return null;
    }

    static String stockProblem(Integer stock) {
        return stock < 0 || stock > STOCK_MAX ? "must be a whole number from 0 to " + STOCK_MAX : null;
    }

    private static String singleLineProblem(String text, int max) {
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > max) {
            return "must be 1 to " + max + " characters";
        }
        return text.codePoints().anyMatch(Character::isISOControl) ? "must not contain control characters" : null;
    }
}
