package dev.storefront.domain.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords too common to allow. The shipped list ({@code common-passwords.txt} beside this class,
 * 100,000 entries; see {@code common-passwords.README.md} for its source and licence) is loaded
 * once, on first use, into a hash set: each check is O(1). Checks ignore case.
 */
public final class CommonPasswords {
    static final String RESOURCE = "common-passwords.txt";

    private final Set<String> passwords;

    private CommonPasswords(Set<String> passwords) {
        this.passwords = passwords;
    }

    /** The shipped list, loaded on first call. */
    public static CommonPasswords shipped() {
        return Shipped.INSTANCE;
    }

    /** A list of one's own (tests, or a site that ships a bigger one). */
    public static CommonPasswords of(Collection<String> passwords) {
        Set<String> set = new HashSet<>();
        passwords.forEach(p -> set.add(p.toLowerCase(Locale.ROOT)));
        return new CommonPasswords(set);
    }

    public boolean contains(Password password) {
        return passwords.contains(password.value().toLowerCase(Locale.ROOT));
    }

    public int size() {
        return passwords.size();
    }

    private static final class Shipped {
        static final CommonPasswords INSTANCE = load();

        private static CommonPasswords load() {
            InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Set<String> set = new HashSet<>(200_000);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isEmpty()) {
                        set.add(line.toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new CommonPasswords(set);
        }
    }
}
