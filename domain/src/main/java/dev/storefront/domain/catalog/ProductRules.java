package dev.storefront.domain.catalog;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.money.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
 *   <li>{@code images}: at most 10, in order; each 1–2048 characters without white space or control
 *       characters, either an absolute {@code http://} or {@code https://} URL with a host (no user
 *       name or password in it) or a path on this server starting with a single {@code /}. Nothing
 *       else: {@code javascript:}, {@code data:} and every other scheme, protocol-relative
 *       {@code //host} and backslashes (which browsers read as {@code //}) are refused, since the
 *       web storefront puts these into {@code <img src>}.</li>
 * </ul>
 */
public final class ProductRules {
    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 5_000;
    public static final int CATEGORY_MAX = 64;
    public static final int STOCK_MAX = 1_000_000;
    public static final BigDecimal PRICE_MAX = Money.INPUT_MAX;
    public static final int IMAGES_MAX = 10;
    public static final int IMAGE_LENGTH_MAX = 2048;

    private ProductRules() {}

    /**
     * Checks the given fields. A {@code null} field is "not given": an error ("is required") when
     * {@code required}, skipped otherwise. The description is never required.
     */
    public static List<FieldViolation> check(String sku, String name, String description, String category,
                                             BigDecimal price, Integer stock, boolean required) {
        return check(sku, name, description, category, price, stock, null, required);
    }

    /**
     * As {@link #check(String, String, String, String, BigDecimal, Integer, boolean)}, with the
     * images; they are never required ({@code null}: not given).
     */
    public static List<FieldViolation> check(String sku, String name, String description, String category,
                                             BigDecimal price, Integer stock, List<String> images, boolean required) {
        List<FieldViolation> violations = new ArrayList<>();
        check(violations, "sku", sku, required, ProductRules::skuProblem);
        check(violations, "name", name, required, ProductRules::nameProblem);
        check(violations, "description", description, false, ProductRules::descriptionProblem);
        check(violations, "category", category, required, ProductRules::categoryProblem);
        check(violations, "price", price, required, ProductRules::priceProblem);
        check(violations, "stock", stock, required, ProductRules::stockProblem);
        if (images != null) {
            violations.addAll(imageViolations(images));
        }
        return violations;
    }

    /** What is wrong with a list of images: the list ({@code images}) or an entry ({@code images[3]}, from 0). */
    public static List<FieldViolation> imageViolations(List<String> images) {
        List<FieldViolation> violations = new ArrayList<>();
        if (images.size() > IMAGES_MAX) {
            violations.add(new FieldViolation("images", "must hold at most " + IMAGES_MAX + " images"));
            return violations; // one message, not one per entry of an oversized list
        }
        for (int i = 0; i < images.size(); i++) {
            String image = images.get(i);
            String problem = image == null ? "must be a string" : imageProblem(image);
            if (problem != null) {
                violations.add(new FieldViolation("images[" + i + "]", problem));
            }
        }
        return violations;
    }

    static String imageProblem(String image) {
        if (image.isEmpty() || image.length() > IMAGE_LENGTH_MAX) {
            return "must be 1 to " + IMAGE_LENGTH_MAX + " characters";
        }
        if (image.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c)
                || Character.isSpaceChar(c))) {
            return "must not contain white space or control characters";
        }
        String notAnImage = "must be an http:// or https:// URL or a path starting with /";
        if (image.indexOf('\\') >= 0) {
            return notAnImage;
        }
        URI uri;
        try {
            uri = new URI(image);
        } catch (URISyntaxException e) {
            return notAnImage;
        }
        if (uri.getScheme() == null) {
            // A path on this server; "//host/…" would be another host, so exactly one slash first.
            boolean rootPath = image.startsWith("/") && !image.startsWith("//") && uri.getRawAuthority() == null;
            return rootPath ? null : notAnImage;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.isOpaque()) {
            return notAnImage;
        }
        if (uri.getRawUserInfo() != null) {
            return "must not contain a user name or password";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "must name a host";
        }
        return null;
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
        return Money.inputProblem(price, false);
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
