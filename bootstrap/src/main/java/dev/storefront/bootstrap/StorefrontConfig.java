package dev.storefront.bootstrap;

import dev.storefront.application.account.SignUpLimits;
import dev.storefront.domain.address.Country;
import dev.storefront.domain.common.Text;
import dev.storefront.http.common.ClientAddresses;
import dev.storefront.persistence.sqlite.SqliteDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Storefront's configuration: environment variables, each of which may also be given on the
 * command line as {@code --name=value} ({@code --port=8080} or {@code --PORT=8080}); the command
 * line wins. Every value is checked here, so a bad one stops the start with one line naming it.
 * {@link #from} parses the map it is handed: only the server's {@code Main} hands it
 * {@code System.getenv()}; the library never reads the environment.
 */
public record StorefrontConfig(
        int port,
        String host,
        Path dataDir,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        int databasePoolSize,
        Path mailOutbox,
        int bcryptCost,
        List<String> corsOrigins,
        boolean cookieSecure,
        Duration sessionIdleTimeout,
        Duration sessionMaxLifetime,
        boolean demoCatalog,
        Currency currency,
        long maxBodyBytes,
        List<String> trustedProxies,
        List<String> jvmOptions,
        int registrationsPerHour,
        int guestSessionsPerHour,
        int maxConnectionsPerAddress,
        String publicUrl,
        boolean requireVerifiedEmail,
        String totpEncryptionKey,
        Optional<Country> storeCountry) {

    /** A configuration variable: its name, default and meaning, as the {@code --help} lists them. */
    public record Variable(String name, String defaultValue, String meaning) {}

    static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 100;
    static final int DEFAULT_DATABASE_POOL_SIZE = 16;
    /**
     * The standalone server's JVM unless {@code JVM_OPTIONS} says otherwise. Serial GC: one heap, no
     * GC threads or remembered sets beside it. The heap starts at 16 MB and
     * grows with what is live (up to 112 MB, room for a full catalog cache generation of about
     * 40 MB at 100,000 products), rather than being touched up to its maximum: measured under the
     * benchmark's sequence of scenarios, the server's JVM held 175 MB with -Xms16m and 210 MB
     * without, at the same throughput.
     */
    public static final String DEFAULT_JVM_OPTIONS = "-XX:+UseSerialGC -Xms16m -Xmx112m";
    /** What {@code Storefront.config().databaseUrl()} says when the application supplied the data source. */
    public static final String SUPPLIED_DATA_SOURCE = "supplied data source";

    public static final List<Variable> VARIABLES = List.of(
            new Variable("PORT", "5005", "HTTP port (0 picks a free one and logs it)"),
            new Variable("HOST", "0.0.0.0", "bind address"),
            new Variable("DATA_DIR", "./data", "where the default database file and mail outbox live (serve creates or makes them owner-only)"),
            new Variable("DATABASE_URL", "jdbc:sqlite:${DATA_DIR}/storefront.db",
                    "JDBC URL of the database: jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB"),
            new Variable("DATABASE_USER", "", "PostgreSQL user (or in the URL)"),
            new Variable("DATABASE_PASSWORD", "", "PostgreSQL password (or in the URL)"),
            new Variable("DATABASE_POOL_SIZE", Integer.toString(DEFAULT_DATABASE_POOL_SIZE),
                    "database connections per instance (1-1000)"),
            new Variable("MAIL_OUTBOX", "${DATA_DIR}/outbox", "directory of the file-based mail notifier"),
            new Variable("BCRYPT_COST", "12", "bcrypt work factor (4-31)"),
            new Variable("CORS_ORIGINS", "http://localhost:3000,http://localhost:5173", "allowed browser origins, comma-separated"),
            new Variable("COOKIE_SECURE", "false", "add Secure to the session cookie (set it when served over TLS)"),
            new Variable("SESSION_IDLE_MINUTES", "30", "a session ends after this long without requests"),
            new Variable("SESSION_MAX_DAYS", "7", "a session ends this long after login, however active"),
            new Variable("DEMO_CATALOG", "true", "load the demo catalog into an empty database at start"),
            new Variable("CURRENCY", "USD", "the store's currency (ISO 4217, two decimals)"),
            new Variable("MAX_BODY_BYTES", "65536", "request body limit in bytes"),
            new Variable("TRUSTED_PROXIES", "", "IP addresses of reverse proxies whose X-Forwarded-For names the client (like 10.0.0.5,::1)"),
            new Variable("JVM_OPTIONS", DEFAULT_JVM_OPTIONS,
                    "serve runs in a JVM with these options unless the java command set -X options (empty: as started)"),
            new Variable("REGISTRATIONS_PER_HOUR", Integer.toString(SignUpLimits.DEFAULT_REGISTRATIONS_PER_HOUR),
                    "registrations accepted from one client address per hour"),
            new Variable("GUEST_SESSIONS_PER_HOUR", Integer.toString(SignUpLimits.DEFAULT_GUEST_SESSIONS_PER_HOUR),
                    "guest sessions (carts without login) started from one client address per hour"),
            new Variable("MAX_CONNECTIONS_PER_ADDRESS", Integer.toString(DEFAULT_MAX_CONNECTIONS_PER_ADDRESS),
                    "open connections the server holds for one client address (1-100000; TRUSTED_PROXIES are exempt)"),
            new Variable("PUBLIC_URL", "http://localhost:${PORT}",
                    "the address users reach the shop at: links in mails, the passkeys' rp id and origin"),
            new Variable("REQUIRE_VERIFIED_EMAIL", "false", "checkout only with a verified email"),
            new Variable("TOTP_ENCRYPTION_KEY", "",
                    "base64 of 32 bytes: the AES key of TOTP secrets at rest (none: generated and kept in the database)"),
            new Variable("STORE_COUNTRY", "",
                    "ISO 3166-1 code where orders shipped nowhere are taxed (none: no tax on them)"));

    private static final int MAX_BODY_LIMIT = 16 * 1024 * 1024;

    public StorefrontConfig {
        corsOrigins = List.copyOf(corsOrigins);
        trustedProxies = List.copyOf(trustedProxies);
        jvmOptions = List.copyOf(jvmOptions);
        Objects.requireNonNull(storeCountry, "storeCountry");
    }

    /** This configuration on another database: what the facade reports when its builder named one. */
    public StorefrontConfig withDatabaseUrl(String databaseUrl) {
        return new StorefrontConfig(port, host, dataDir, databaseUrl, databaseUser, databasePassword, databasePoolSize,
                mailOutbox, bcryptCost, corsOrigins, cookieSecure, sessionIdleTimeout, sessionMaxLifetime, demoCatalog, currency, maxBodyBytes, trustedProxies, jvmOptions,
                registrationsPerHour, guestSessionsPerHour, maxConnectionsPerAddress, publicUrl, requireVerifiedEmail,
                totpEncryptionKey, storeCountry);
    }

    /**
     * The defaults, as if no variable were set: the standalone server's (a database and outbox in
     * {@code ./data}). An embedded Storefront built without {@code config(…)} does not use them for
     * its database: it needs {@code databaseUrl(…)} or {@code dataSource(…)}.
     */
    public static StorefrontConfig defaults() {
        return from(Map.of(), new String[0]).config();
    }

    /** A configuration and the command-line words that were not options (the command and its arguments). */
    public record Parsed(StorefrontConfig config, List<String> arguments) {}

    /**
     * Reads the configuration from the environment and the command line.
     *
     * @throws ConfigException for an unknown option or a value that cannot be used
     */
    public static Parsed from(Map<String, String> environment, String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Variable variable : VARIABLES) {
            String value = environment.get(variable.name());
            if (value != null) {
                values.put(variable.name(), value);
            }
        }
        List<String> arguments = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                String name = arg.substring(2, arg.indexOf('=')).toUpperCase(Locale.ROOT).replace('-', '_');
                if (VARIABLES.stream().noneMatch(v -> v.name().equals(name))) {
                    throw new ConfigException("unknown option " + arg.substring(0, arg.indexOf('='))
                            + " (see --help for the options)");
                }
                values.put(name, arg.substring(arg.indexOf('=') + 1));
            } else {
                arguments.add(arg);
            }
        }
        return new Parsed(build(values), List.copyOf(arguments));
    }

    /** Whether a URL names a PostgreSQL database: {@code jdbc:postgresql://host[:port]/database[?…]}. */
    static boolean isPostgresUrl(String url) {
        return url.matches("jdbc:postgresql://[^/?#\\s]+(:\\d+)?/[^/?#\\s]+(\\?\\S*)?");
    }

    /** Whether the database is PostgreSQL (else SQLite). */
    public boolean usesPostgres() {
        return isPostgresUrl(databaseUrl);
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static StorefrontConfig build(Map<String, String> values) {
        Reader read = new Reader(values);
        int port = read.integer("PORT", 5005, 0, 65_535);
        String host = read.text("HOST", "0.0.0.0");
        Path dataDir = Path.of(read.text("DATA_DIR", "./data"));
        String databaseUrl = read.text("DATABASE_URL", "jdbc:sqlite:" + dataDir.resolve("storefront.db"));
        if (!databaseUrl.startsWith("jdbc:sqlite:") && !isPostgresUrl(databaseUrl)) {
            throw new ConfigException("DATABASE_URL must be a jdbc:sqlite: URL or a jdbc:postgresql://host:port/database URL");
        }
        String databaseUser = emptyToNull(values.getOrDefault("DATABASE_USER", "").trim());
        String databasePassword = emptyToNull(values.getOrDefault("DATABASE_PASSWORD", "")); // spaces are the password's
        int databasePoolSize = read.integer("DATABASE_POOL_SIZE", DEFAULT_DATABASE_POOL_SIZE, 1, 1_000);
        Path mailOutbox = Path.of(read.text("MAIL_OUTBOX", dataDir.resolve("outbox").toString()));
        int bcryptCost = read.integer("BCRYPT_COST", 12, 4, 31);
        List<String> corsOrigins = read.parse("CORS_ORIGINS", "http://localhost:3000,http://localhost:5173",
                StorefrontConfig::origins, "a comma-separated list of origins like https://shop.example.com");
        boolean cookieSecure = read.bool("COOKIE_SECURE", false);
        int idleMinutes = read.integer("SESSION_IDLE_MINUTES", 30, 1, 525_600);
        int maxDays = read.integer("SESSION_MAX_DAYS", 7, 1, 3_650);
        boolean demoCatalog = read.bool("DEMO_CATALOG", true);
        Currency currency = read.parse("CURRENCY", "USD", StorefrontConfig::currency,
                "an ISO 4217 code of a currency with two decimals, like USD or EUR");
        int maxBody = read.integer("MAX_BODY_BYTES", 65_536, 1, MAX_BODY_LIMIT);
        List<String> trustedProxies = read.optional("TRUSTED_PROXIES", StorefrontConfig::addresses,
                "a comma-separated list of IP addresses like 10.0.0.5,::1");
        List<String> jvmOptions = read.jvmOptions("JVM_OPTIONS", DEFAULT_JVM_OPTIONS);
        int registrationsPerHour = read.integer("REGISTRATIONS_PER_HOUR", SignUpLimits.DEFAULT_REGISTRATIONS_PER_HOUR,
                1, 1_000_000);
        int guestSessionsPerHour = read.integer("GUEST_SESSIONS_PER_HOUR", SignUpLimits.DEFAULT_GUEST_SESSIONS_PER_HOUR,
                1, 1_000_000);
        int maxConnectionsPerAddress = read.integer("MAX_CONNECTIONS_PER_ADDRESS", DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
                1, 100_000);
        String publicUrl = read.parse("PUBLIC_URL", "http://localhost:" + port, StorefrontConfig::publicUrl,
                "an http(s) URL like https://shop.example.com, without query or fragment");
        boolean requireVerifiedEmail = read.bool("REQUIRE_VERIFIED_EMAIL", false);
        String totpEncryptionKey = emptyToNull(read.secret("TOTP_ENCRYPTION_KEY", StorefrontConfig::aesKey,
                "the base64 of 32 random bytes (openssl rand -base64 32)"));
        Optional<Country> storeCountry = read.optional("STORE_COUNTRY", StorefrontConfig::country,
                "an ISO 3166-1 alpha-2 country code like DE or US (or empty for none)");
        return new StorefrontConfig(port, host, dataDir, databaseUrl, databaseUser, databasePassword, databasePoolSize,
                mailOutbox, bcryptCost, corsOrigins,
                cookieSecure, Duration.ofMinutes(idleMinutes), Duration.ofDays(maxDays), demoCatalog, currency, maxBody,
                trustedProxies, jvmOptions, registrationsPerHour, guestSessionsPerHour, maxConnectionsPerAddress,
                publicUrl, requireVerifiedEmail, totpEncryptionKey, storeCountry);
    }

    /** Whether the database URL is the default one inside {@code DATA_DIR}. */
    public boolean usesDataDir() {
        return databaseUrl.equals("jdbc:sqlite:" + dataDir.resolve("storefront.db"));
    }

    /** The database URL and, for a file, the absolute path it names: what every command says it uses. */
    public String databaseDescription() {
        String shown = withoutPassword(databaseUrl);
        return SqliteDatabase.databaseFile(databaseUrl)
                .map(file -> shown + " (" + file.toAbsolutePath().normalize() + ")").orElse(shown);
    }

    /** A URL as it may be logged: a {@code password=} parameter or {@code user:password@} masked. */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)([?&]password=)[^&]*", "$1***").replaceAll("(//[^/@:]*:)[^/@]*@", "$1***@");
    }

    /** Never the password, which would otherwise be in every printed configuration. */
    @Override
    public String toString() {
        return "StorefrontConfig[port=" + port + ", host=" + host + ", dataDir=" + dataDir + ", databaseUrl="
                + withoutPassword(databaseUrl) + ", databaseUser=" + databaseUser + ", databasePassword="
                + (databasePassword == null ? "none" : "***") + ", databasePoolSize=" + databasePoolSize
                + ", mailOutbox=" + mailOutbox + ", bcryptCost=" + bcryptCost + ", corsOrigins=" + corsOrigins
                + ", cookieSecure=" + cookieSecure + ", sessionIdleTimeout=" + sessionIdleTimeout
                + ", sessionMaxLifetime=" + sessionMaxLifetime + ", demoCatalog=" + demoCatalog + ", currency="
                + currency + ", maxBodyBytes=" + maxBodyBytes + ", trustedProxies=" + trustedProxies
                + ", jvmOptions=" + jvmOptions + ", registrationsPerHour=" + registrationsPerHour
                + ", guestSessionsPerHour=" + guestSessionsPerHour + ", maxConnectionsPerAddress="
                + maxConnectionsPerAddress + ", publicUrl=" + publicUrl + ", requireVerifiedEmail="
                + requireVerifiedEmail + ", totpEncryptionKey=" + (totpEncryptionKey == null ? "none" : "***")
                + ", storeCountry=" + storeCountry.map(Country::code).orElse("none") + "]";
    }

    /**
     * For the commands that work on the server's database: they never create one, so a command run
     * from another directory cannot make and migrate an empty {@code ./data} there.
     *
     * @throws ConfigException naming {@code DATA_DIR} or {@code DATABASE_URL} and the path, when the file is missing
     */
    public void requireExistingDatabase() {
        Path file = SqliteDatabase.databaseFile(databaseUrl).orElse(null);
        if (file != null && !Files.isRegularFile(file)) {
            String setting = usesDataDir() ? "DATA_DIR is \"" + dataDir + "\"" : "DATABASE_URL is \"" + databaseUrl + "\"";
            throw new ConfigException("no database at " + file.toAbsolutePath().normalize() + " (" + setting
                    + "): run the command where the server runs, or set DATA_DIR or DATABASE_URL to its database");
        }
    }

    private static List<String> origins(String text) {
        List<String> origins = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String origin : origins) {
            if (!origin.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")) {
                throw new IllegalArgumentException(origin);
            }
        }
        return origins;
    }

    /** An http(s) URL without query, fragment or user info; a trailing slash is dropped. */
    private static String publicUrl(String text) {
        java.net.URI uri = java.net.URI.create(text.strip());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(text);
        }
        String url = uri.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Blank for none, else the base64 of exactly 32 bytes. */
    private static String aesKey(String text) {
        if (!text.isEmpty() && java.util.Base64.getDecoder().decode(text).length != 32) {
            throw new IllegalArgumentException("not 32 bytes");
        }
        return text;
    }

    private static List<String> addresses(String text) {
        List<String> addresses = Arrays.stream(text.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
        // IP literals only (a host name is never resolved), compared as addresses: ::1 is 0:0:0:0:0:0:0:1.
        ClientAddresses.trustedAddresses(addresses);
        return addresses;
    }

    /** Empty for an empty value; else a known code, upper-cased. */
    private static Optional<Country> country(String code) {
        if (code.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Country.parse(code).orElseThrow(() -> new IllegalArgumentException("unknown country")));
    }

    private static Currency currency(String code) {
        Currency currency = Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
        if (currency.getDefaultFractionDigits() != 2) {
            throw new IllegalArgumentException(code);
        }
        return currency;
    }

    private static final class Reader {
        private final Map<String, String> values;

        Reader(Map<String, String> values) {
            this.values = values;
        }

        String text(String name, String fallback) {
            String value = values.getOrDefault(name, fallback).trim();
            if (value.isEmpty()) {
                throw new ConfigException(name + " must not be empty");
            }
            return value;
        }

        int integer(String name, int fallback, int min, int max) {
            String raw = text(name, Integer.toString(fallback));
            try {
                int value = Integer.parseInt(raw);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below with the range
            }
            throw new ConfigException(name + " must be a whole number from " + min + " to " + max
                    + ", got \"" + printable(raw) + "\"");
        }

        boolean bool(String name, boolean fallback) {
            String raw = text(name, Boolean.toString(fallback)).toLowerCase(Locale.ROOT);
            if (raw.equals("true") || raw.equals("false")) {
                return raw.equals("true");
            }
            throw new ConfigException(name + " must be true or false, got \"" + printable(raw) + "\"");
        }

        /** Options separated by blanks, each starting with a dash; set but blank means none. */
        List<String> jvmOptions(String name, String fallback) {
            String raw = values.getOrDefault(name, fallback).trim();
            List<String> options = raw.isEmpty() ? List.of() : List.of(raw.split("\\s+"));
            if (options.stream().anyMatch(option -> !option.startsWith("-"))) {
                throw new ConfigException(name + " must be JVM options separated by spaces, like -Xmx128m, got \""
                        + printable(raw) + "\"");
            }
            return options;
        }

        /** A value whose default is "none": absent or blank gives the parser an empty string. */
        <T> T optional(String name, Function<String, T> parser, String expected) {
            String raw = values.getOrDefault(name, "").trim();
            try {
                return parser.apply(raw);
            } catch (RuntimeException e) {
                throw new ConfigException(name + " must be " + expected + ", got \"" + printable(raw) + "\"");
            }
        }

        /** Like {@link #optional}, but a bad value is not repeated in the message: it is a secret. */
        <T> T secret(String name, Function<String, T> parser, String expected) {
            String raw = values.getOrDefault(name, "").trim();
            try {
                return parser.apply(raw);
            } catch (RuntimeException e) {
                throw new ConfigException(name + " must be " + expected);
            }
        }

        <T> T parse(String name, String fallback, Function<String, T> parser, String expected) {
            String raw = text(name, fallback);
            try {
                return parser.apply(raw);
            } catch (RuntimeException e) {
                throw new ConfigException(name + " must be " + expected + ", got \"" + printable(raw) + "\"");
            }
        }

        private static String printable(String raw) {
            String clean = Text.printable(raw);
            return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
        }
    }
}
