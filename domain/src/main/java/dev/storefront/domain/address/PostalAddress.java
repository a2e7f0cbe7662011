package dev.storefront.domain.address;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a parcel goes: the fields of an address without its id, as saved in the address book and
 * as frozen on an order. Text is stripped of surrounding white space; an absent optional field is
 * {@code ""}. The rules ({@link #parse}):
 *
 * <ul>
 *   <li>{@code name} 1–100, {@code line1} 1–200, {@code line2} 0–200, {@code city} 1–100,
 *       {@code region} 0–100 characters, none with control characters</li>
 *   <li>{@code postalCode} 1–20 of letters, digits, space and {@code -}</li>
 *   <li>{@code country} an ISO 3166-1 alpha-2 code, upper-cased on input</li>
 *   <li>{@code phone} 0–32 of digits, spaces, {@code + ( ) -}</li>
 * </ul>
 */
public record PostalAddress(String name, String line1, String line2, String city, String region,
                            String postalCode, Country country, String phone) {
    public static final int NAME_MAX = 100;
    public static final int LINE_MAX = 200;
    public static final int CITY_MAX = 100;
    public static final int REGION_MAX = 100;
    private static final Pattern POSTAL_CODE = Pattern.compile("[\\p{L}\\p{Nd} -]{1,20}");
    private static final Pattern PHONE = Pattern.compile("[0-9 +()\\-]{0,32}");

    public PostalAddress {
        Objects.requireNonNull(country, "country");
        List<FieldViolation> violations = violations("", name, line1, line2, city, region, postalCode, country.code(),
                phone);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("invalid address: " + violations);
        }
        name = name.strip();
        line1 = line1.strip();
        line2 = line2.strip();
        city = city.strip();
        region = region.strip();
        postalCode = postalCode.strip();
        phone = phone.strip();
    }

    /**
     * An address from a client's fields; {@code null} means "not given" (an error for the required
     * ones, {@code ""} for the optional ones).
     *
     * @param fieldPrefix put before each field name in errors ({@code "shippingAddress."}, or {@code ""})
     * @throws InvalidInputException naming every field that breaks a rule
     */
    public static PostalAddress parse(String fieldPrefix, String name, String line1, String line2, String city,
                                      String region, String postalCode, String country, String phone) {
        List<FieldViolation> violations = violations(fieldPrefix, name, line1, line2, city, region, postalCode,
                country, phone);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new PostalAddress(name, line1, orEmpty(line2), city, orEmpty(region), postalCode,
                Country.parse(country).orElseThrow(), orEmpty(phone));
    }

    /** This address with the given fields replaced; a {@code null} argument keeps the field. */
    public PostalAddress change(String newName, String newLine1, String newLine2, String newCity, String newRegion,
                                String newPostalCode, String newCountry, String newPhone) {
        return parse("", or(newName, name), or(newLine1, line1), or(newLine2, line2), or(newCity, city),
                or(newRegion, region), or(newPostalCode, postalCode), or(newCountry, country.code()),
                or(newPhone, phone));
    }

    private static List<FieldViolation> violations(String prefix, String name, String line1, String line2,
                                                   String city, String region, String postalCode, String country,
                                                   String phone) {
        List<FieldViolation> violations = new ArrayList<>();
        text(violations, prefix + "name", name, 1, NAME_MAX);
        text(violations, prefix + "line1", line1, 1, LINE_MAX);
        text(violations, prefix + "line2", orEmpty(line2), 0, LINE_MAX);
        text(violations, prefix + "city", city, 1, CITY_MAX);
        text(violations, prefix + "region", orEmpty(region), 0, REGION_MAX);
        if (postalCode == null) {
            violations.add(new FieldViolation(prefix + "postalCode", "is required"));
        } else if (!POSTAL_CODE.matcher(postalCode.strip()).matches()) {
            violations.add(new FieldViolation(prefix + "postalCode",
                    "must be 1 to 20 letters, digits, spaces or '-'"));
        }
        if (country == null) {
            violations.add(new FieldViolation(prefix + "country", "is required"));
        } else if (Country.parse(country).isEmpty()) {
            violations.add(new FieldViolation(prefix + "country", Country.PROBLEM));
        }
        if (!PHONE.matcher(orEmpty(phone).strip()).matches()) {
            violations.add(new FieldViolation(prefix + "phone",
                    "must be at most 32 digits, spaces, '+', '(', ')' or '-'"));
        }
        return violations;
    }

    private static void text(List<FieldViolation> violations, String field, String value, int min, int max) {
        if (value == null) {
            violations.add(new FieldViolation(field, "is required"));
            return;
        }
        String text = value.strip();
        int length = text.codePointCount(0, text.length());
        if (length < min || length > max) {
            violations.add(new FieldViolation(field, min == 0
                    ? "must be at most " + max + " characters" : "must be " + min + " to " + max + " characters"));
        } else if (text.codePoints().anyMatch(Character::isISOControl)) {
            violations.add(new FieldViolation(field, "contains a control character"));
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String or(String given, String current) {
        return given == null ? current : given;
    }
}
