package dev.storefront.bootstrap.reliability;

import dev.storefront.bootstrap.reliability.ApiInventory.Kind;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The values thrown at every body field and parameter: a fixed list of the classics (wrong types,
 * null, empty, huge, emoji, NUL, numbers out of every range, bad money, SQL and script fragments)
 * and a seeded generator of random ones. All values are raw JSON text, so they can be anything a
 * client can put on the wire, not only what a JSON library would write.
 */
final class HostileValues {
    private HostileValues() {}

    /** A value for a field: its raw JSON and what it is (for the report). */
    record Value(String json, String label) {}

    static final List<String> SQL_AND_SCRIPT = List.of(
            "' OR '1'='1", "1; DROP TABLE product; --", "\" OR 1=1 --", "%' OR 1=1 --", "admin'--",
            "1 UNION SELECT password_hash FROM user_account", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://127.0.0.1:1/x}",
            "../../../../etc/passwd", "%00", "%2e%2e%2f", "\r\nSet-Cookie: SID=evil");

    /** The listed cases for a field of {@code kind}. */
    static List<Value> listed(Kind kind) {
        List<Value> values = new ArrayList<>();
        // wrong JSON types and null
        values.add(new Value("null", "null"));
        values.add(new Value("[]", "empty array"));
        values.add(new Value("{}", "empty object"));
        values.add(new Value("[\"x\",1]", "array"));
        values.add(new Value("{\"a\":{\"b\":1}}", "object"));
        values.add(new Value("true", "boolean"));
        if (kind != Kind.STRING) {
            values.add(new Value("\"5\"", "number as string"));
            values.add(new Value("\"abc\"", "text"));
        }
        if (kind != Kind.INTEGER && kind != Kind.NUMBER && kind != Kind.MONEY) {
            values.add(new Value("5", "number"));
            values.add(new Value("1.5", "fraction"));
        }
        // strings of every awkward sort
        values.add(new Value("\"\"", "empty"));
        values.add(new Value("\"   \"", "blank"));
        values.add(new Value(Http.quote("a".repeat(10_000)), "10k string"));
        values.add(new Value(Http.quote("x".repeat(70_000)), "70k string (body over the limit)"));
        values.add(new Value("\"\uD83D\uDE00\uD83D\uDCA5\"", "emoji"));
        values.add(new Value("\"\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\"", "ZWJ emoji"));
        values.add(new Value("\"a\\u0000b\"", "NUL"));
        values.add(new Value("\"\\u0000\"", "only NUL"));
        values.add(new Value("\"\\u0007\\u001b[31m\\b\"", "control characters"));
        values.add(new Value("\"\\u202eevil\"", "RTL override"));
        values.add(new Value("\"\\ud800\"", "lone high surrogate"));
        values.add(new Value("\"\\udfffx\"", "lone low surrogate"));
        values.add(new Value("\"\uFEFF\"", "BOM character"));
        // numbers beyond every range
        for (String n : List.of("0", "-0", "-1", "2147483648", "-2147483649", "9223372036854775808",
                "-9223372036854775809", "1e309", "-1e309", "1e-400", "123456789012345678901234567890.123",
                "0.001", "1.005", "-0.01", "1e2", "1E+2", "0.1e1", "99999999999999999999999999999999999999")) {
            values.add(new Value(n, "number " + n));
        }
        // money as text: 3 decimals, negative, not a number
        for (String m : List.of("1.005", "-1.00", "-0.01", "1e3", "NaN", "Infinity", "1,00", " 1.00", "0x10",
                "99999999999999999999.99", "1.", ".5", "+1.00", "1.00 USD", "\uFF11.00")) {
            values.add(new Value(Http.quote(m), "money text " + m));
        }
        for (String s : SQL_AND_SCRIPT) {
            values.add(new Value(Http.quote(s), "injection " + s));
        }
        return values;
    }

    /** Seeded random values of any JSON shape. */
    static final class Generator {
        private static final String PUNCTUATION = "'\"<>%;\\/{}$&`|";
        private final Random random;

        Generator(long seed) {
            this.random = new Random(seed);
        }

        Value next() {
            int pick = random.nextInt(10);
            return switch (pick) {
                case 0, 1, 2 -> new Value(Http.quote(string()), "random string");
                case 3 -> new Value(rawEscapedString(), "random escapes");
                case 4 -> new Value(integer(), "random integer");
                case 5 -> new Value(decimal(), "random decimal");
                case 6 -> new Value(nested(1 + random.nextInt(40)), "random nesting");
                case 7 -> new Value(List.of("true", "false", "null").get(random.nextInt(3)), "random literal");
                case 8 -> new Value(Http.quote(decimalText()), "random money text");
                default -> new Value("[" + integer() + "," + Http.quote(string()) + "]", "random array");
            };
        }

        private String string() {
            int length = random.nextInt(10) == 0 ? 200 + random.nextInt(4000) : random.nextInt(40);
            StringBuilder text = new StringBuilder();
            while (text.length() < length) {
                int cp = switch (random.nextInt(6)) {
                    case 0 -> random.nextInt(0x20);                       // control characters, NUL
                    case 1 -> 0x20 + random.nextInt(0x5F);                // printable ASCII
                    case 2 -> 0xA0 + random.nextInt(0x2000);              // Latin, Greek, Cyrillic, …
                    case 3 -> 0x1F300 + random.nextInt(0x300);            // emoji
                    case 4 -> List.of(0x200D, 0x202E, 0xFEFF, 0xFFFD, 0x2028, 0x0301).get(random.nextInt(6));
                    default -> PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()));
                };
                text.appendCodePoint(cp);
            }
            return text.toString();
        }

        /** A JSON string written by hand with escapes a library never writes: lone surrogates, \u0000. */
        private String rawEscapedString() {
            StringBuilder text = new StringBuilder("\"");
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(switch (random.nextInt(4)) {
                    case 0 -> String.format("\\u%04x", 0xD800 + random.nextInt(0x800));
                    case 1 -> String.format("\\u%04x", random.nextInt(0x20));
                    case 2 -> "\\/";
                    default -> String.format("\\u%04x", random.nextInt(0x10000));
                });
            }
            return text.append('"').toString();
        }

        private String integer() {
            BigInteger value = new BigInteger(1 + random.nextInt(130), random);
            return (random.nextBoolean() ? "-" : "") + value;
        }

        private String decimal() {
            String text = decimalText();
            return random.nextInt(4) == 0 ? text + "e" + (random.nextInt(800) - 400) : text;
        }

        private String decimalText() {
            StringBuilder text = new StringBuilder(random.nextInt(3) == 0 ? "-" : "");
            text.append(new BigInteger(1 + random.nextInt(70), random));
            int scale = random.nextInt(6);
            if (scale > 0) {
                text.append('.');
                for (int i = 0; i < scale; i++) {
                    text.append(random.nextInt(10));
                }
            }
            return text.toString();
        }

        private String nested(int depth) {
            String open = random.nextBoolean() ? "[" : "{\"a\":";
            String close = open.equals("[") ? "]" : "}";
            return open.repeat(depth) + "1" + close.repeat(depth);
        }

        /** The body with a few random byte-level mutations: flips, inserts, deletes, truncation. */
        byte[] mutate(byte[] body) {
            byte[] bytes = Arrays.copyOf(body, body.length);
            int edits = 1 + random.nextInt(4);
            for (int i = 0; i < edits && bytes.length > 0; i++) {
                int at = random.nextInt(bytes.length);
                switch (random.nextInt(5)) {
                    case 0 -> bytes[at] = (byte) random.nextInt(256);
                    case 1 -> bytes[at] = (byte) (bytes[at] ^ (1 << random.nextInt(8)));
                    case 2 -> bytes = Arrays.copyOf(bytes, at);
                    case 3 -> {
                        byte[] insert = List.of("\u0000", "\"", "{", "]", ",", "\\", "\uD83D\uDE00", "1e999", "\u00ff")
                                .get(random.nextInt(9)).getBytes(StandardCharsets.UTF_8);
                        byte[] grown = new byte[bytes.length + insert.length];
                        System.arraycopy(bytes, 0, grown, 0, at);
                        System.arraycopy(insert, 0, grown, at, insert.length);
                        System.arraycopy(bytes, at, grown, at + insert.length, bytes.length - at);
                        bytes = grown;
                    }
                    default -> {
                        byte[] cut = new byte[bytes.length - 1];
                        System.arraycopy(bytes, 0, cut, 0, at);
                        System.arraycopy(bytes, at + 1, cut, at, bytes.length - at - 1);
                        bytes = cut;
                    }
                }
            }
            return bytes;
        }

        /** A random path or query value, percent-encoded as a client would send it. */
        String pathValue() {
            return switch (random.nextInt(5)) {
                case 0 -> integer();
                case 1 -> decimal();
                case 2 -> java.net.URLEncoder.encode(string(), StandardCharsets.UTF_8);
                case 3 -> "%" + String.format("%02X", random.nextInt(256)) + "%" + String.format("%02X", random.nextInt(256));
                default -> "..%2F".repeat(1 + random.nextInt(5)) + "etc%2Fpasswd";
            };
        }
    }

    /** Path and query parameter values: negative, zero, huge, non-numeric, encoded traversal. */
    static final List<String> PARAMS = List.of("-1", "0", "00", "-0", "1.0", "1e3", "0x10", "+1", "%201",
            "9223372036854775807", "9223372036854775808", "99999999999999999999999999", "abc", "%27%20OR%20%271%27%3D%271",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%2e%2e", "%2e%2e%2f%2e%2e%2fhealth", "..%2F..%2Fetc%2Fpasswd",
            "..%5C..%5Cwindows", "%252e%252e%252f", "%00", "1%00", "%0d%0aSet-Cookie:%20a=b", "%C3%28", "%FF%FE",
            "%C0%AF", "%ED%A0%80", "%F0%9F%98%80", "%20", "NaN", "true", "null", "a".repeat(5000));
}
