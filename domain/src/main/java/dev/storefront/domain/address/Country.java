package dev.storefront.domain.address;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-2 country code, upper case. The known codes are the JDK's
 * ({@link Locale#getISOCountries()}), never a list typed by hand.
 */
public record Country(String code) implements Comparable<Country> {
    private static final Set<String> KNOWN = Set.of(Locale.getISOCountries());

    public Country {
        Objects.requireNonNull(code, "code");
        if (!KNOWN.contains(code)) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country code: " + code);
        }
    }

    /** The country a client typed: trimmed and upper-cased; empty when it is not a known code. */
    public static Optional<Country> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        return KNOWN.contains(code) ? Optional.of(new Country(code)) : Optional.empty();
    }

    /** The message of a field that holds no known code. */
    public static final String PROBLEM = "must be an ISO 3166-1 alpha-2 country code, like \"DE\" or \"US\"";

    @Override
    public int compareTo(Country other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
