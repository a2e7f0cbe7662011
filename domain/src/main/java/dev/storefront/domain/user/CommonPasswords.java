package dev.storefront.domain.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Passwords too common to allow. The shipped list ({@code common-passwords.txt} beside this class,
 * 100,000 entries; see {@code common-passwords.README.md} for its source and licence) is loaded
 * once, on first use. Checks ignore case.
 *
 * <p>Held compactly: every password lower-cased as UTF-8, sorted, end to end in one array, found
 * by binary search (17 comparisons for the shipped list). A hash set of the same list held about
 * 9 MB of the server's heap (a node, a string and its bytes per password) against 1.3 MB; the
 * check runs once per registration or password change, beside a bcrypt hash of some 200 ms.
 */
public final class CommonPasswords {
    static final String RESOURCE = "common-passwords.txt";

    /** The passwords' bytes, sorted (unsigned) and without duplicates, end to end. */
    private final byte[] bytes;
    /** Where each password starts in {@link #bytes}, and one more: where the last one ends. */
    private final int[] starts;

    private CommonPasswords(List<byte[]> lowerCased) {
        lowerCased.sort(Arrays::compareUnsigned);
        List<byte[]> distinct = new ArrayList<>(lowerCased.size());
        for (byte[] password : lowerCased) {
            if (distinct.isEmpty() || !Arrays.equals(distinct.get(distinct.size() - 1), password)) {
                distinct.add(password);
            }
        }
        starts = new int[distinct.size() + 1];
        for (int i = 0; i < distinct.size(); i++) {
            starts[i + 1] = starts[i] + distinct.get(i).length;
        }
        bytes = new byte[starts[distinct.size()]];
        for (int i = 0; i < distinct.size(); i++) {
            System.arraycopy(distinct.get(i), 0, bytes, starts[i], distinct.get(i).length);
        }
    }

    /** The shipped list, loaded on first call. */
    public static CommonPasswords shipped() {
        return Shipped.INSTANCE;
    }

    /** A list of one's own (tests, or a site that ships a bigger one). */
    public static CommonPasswords of(Collection<String> passwords) {
        List<byte[]> lowerCased = new ArrayList<>(passwords.size());
        passwords.forEach(password -> lowerCased.add(lowerCaseUtf8(password)));
        return new CommonPasswords(lowerCased);
    }

    private static byte[] lowerCaseUtf8(String password) {
        return password.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    }

    public boolean contains(Password password) {
        byte[] wanted = lowerCaseUtf8(password.value());
        int low = 0;
        int high = size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = Arrays.compareUnsigned(bytes, starts[middle], starts[middle + 1], wanted, 0, wanted.length);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return starts.length - 1;
    }

    private static final class Shipped {
        static final CommonPasswords INSTANCE = load();

        private static CommonPasswords load() {
            InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return of(reader.lines().filter(line -> !line.isEmpty()).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
