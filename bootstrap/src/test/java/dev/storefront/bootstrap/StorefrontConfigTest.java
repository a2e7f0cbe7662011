package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StorefrontConfigTest {

    @Test
    void defaultsMatchTheDocumentedTable() {
        StorefrontConfig config = StorefrontConfig.defaults();
        assertEquals(5005, config.port());
        assertEquals("0.0.0.0", config.host());
        assertEquals(Path.of("./data"), config.dataDir());
        assertEquals("jdbc:sqlite:" + Path.of("./data").resolve("storefront.db"), config.databaseUrl());
        assertEquals(Path.of("./data").resolve("outbox"), config.mailOutbox());
        assertEquals(12, config.bcryptCost());
        assertEquals(List.of("http://localhost:3000", "http://localhost:5173"), config.corsOrigins());
        assertFalse(config.cookieSecure());
        assertEquals(Duration.ofMinutes(30), config.sessionIdleTimeout());
        assertEquals(Duration.ofDays(7), config.sessionMaxLifetime());
        assertTrue(config.demoCatalog());
        assertEquals("USD", config.currency().getCurrencyCode());
        assertEquals(65_536, config.maxBodyBytes());
        assertEquals(List.of(), config.trustedProxies());
        assertEquals(List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmx112m"), config.jvmOptions());
    }

    @Test
    void jvmOptionsAreSplitAtBlanksAndAnEmptyValueMeansNone() {
        assertEquals(List.of("-Xmx256m", "-Dx=y"),
                StorefrontConfig.from(Map.of("JVM_OPTIONS", " -Xmx256m  -Dx=y "), new String[0]).config().jvmOptions());
        assertEquals(List.of(), StorefrontConfig.from(Map.of(), new String[] {"--jvm-options="}).config().jvmOptions());
    }

    @Test
    void trustedProxiesAreAListOfAddresses() {
        StorefrontConfig config = StorefrontConfig.from(Map.of("TRUSTED_PROXIES", "10.0.0.5, ::1"), new String[0]).config();
        assertEquals(List.of("10.0.0.5", "::1"), config.trustedProxies());
    }

    @Test
    void trustedProxiesMustBeIpLiteralsAndAMalformedOneStopsTheStart() {
        assertEquals(List.of("2001:db8::1", "0:0:0:0:0:0:0:1"), StorefrontConfig.from(
                Map.of("TRUSTED_PROXIES", "2001:db8::1,0:0:0:0:0:0:0:1"), new String[0]).config().trustedProxies());
        for (String bad : List.of("proxy.example", "10.0.0.256", "2001:db8::1::2", "::g", "fe80::1%eth0")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> StorefrontConfig.from(Map.of("TRUSTED_PROXIES", "10.0.0.5," + bad), new String[0]), bad);
            assertTrue(e.getMessage().startsWith("TRUSTED_PROXIES must be"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void theConnectionCapPerAddressIsASettingFrom1To100000() {
        assertEquals(100, StorefrontConfig.defaults().maxConnectionsPerAddress());
        assertEquals(2000, StorefrontConfig.from(Map.of("MAX_CONNECTIONS_PER_ADDRESS", "2000"), new String[0])
                .config().maxConnectionsPerAddress());
        for (String bad : List.of("0", "100001", "many")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> StorefrontConfig.from(Map.of(), new String[] {"--max-connections-per-address=" + bad}));
            assertEquals("MAX_CONNECTIONS_PER_ADDRESS must be a whole number from 1 to 100000, got \"" + bad + "\"",
                    e.getMessage());
        }
    }

    @Test
    void signUpLimitsDefaultTo30RegistrationsAnd300GuestSessionsPerAddressAndHour() {
        StorefrontConfig defaults = StorefrontConfig.defaults();
        assertEquals(30, defaults.registrationsPerHour());
        assertEquals(300, defaults.guestSessionsPerHour());
        StorefrontConfig set = StorefrontConfig.from(Map.of("REGISTRATIONS_PER_HOUR", "5"),
                new String[] {"--guest-sessions-per-hour=1000"}).config();
        assertEquals(5, set.registrationsPerHour());
        assertEquals(1000, set.guestSessionsPerHour());
        ConfigException e = assertThrows(ConfigException.class,
                () -> StorefrontConfig.from(Map.of("REGISTRATIONS_PER_HOUR", "0"), new String[0]));
        assertTrue(e.getMessage().startsWith("REGISTRATIONS_PER_HOUR must be a whole number from 1"), e.getMessage());
    }

    @Test
    void dataDirMovesTheDefaultDatabaseAndOutbox() {
        StorefrontConfig config = StorefrontConfig.from(Map.of("DATA_DIR", "/srv/shop"), new String[0]).config();
        assertEquals("jdbc:sqlite:/srv/shop/storefront.db", config.databaseUrl());
        assertEquals(Path.of("/srv/shop/outbox"), config.mailOutbox());
        assertTrue(config.usesDataDir());
    }

    @Test
    void commandLineFlagsWinOverTheEnvironmentInEitherSpelling() {
        StorefrontConfig.Parsed parsed = StorefrontConfig.from(Map.of("PORT", "7000", "BCRYPT_COST", "10"),
                new String[] {"serve", "--port=8080", "--BCRYPT_COST=4", "--session-idle-minutes=5"});
        assertEquals(8080, parsed.config().port());
        assertEquals(4, parsed.config().bcryptCost());
        assertEquals(Duration.ofMinutes(5), parsed.config().sessionIdleTimeout());
        assertEquals(List.of("serve"), parsed.arguments());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PORT|abc|PORT must be a whole number from 0 to 65535",
        "PORT|70000|PORT must be a whole number from 0 to 65535",
        "BCRYPT_COST|40|BCRYPT_COST must be a whole number from 4 to 31",
        "BCRYPT_COST|3|BCRYPT_COST must be a whole number from 4 to 31",
        "SESSION_IDLE_MINUTES|0|SESSION_IDLE_MINUTES must be a whole number",
        "SESSION_MAX_DAYS|-1|SESSION_MAX_DAYS must be a whole number",
        "MAX_BODY_BYTES|0|MAX_BODY_BYTES must be a whole number",
        "COOKIE_SECURE|yes|COOKIE_SECURE must be true or false",
        "DEMO_CATALOG|1|DEMO_CATALOG must be true or false",
        "CURRENCY|XYZ|CURRENCY must be an ISO 4217 code",
        "CURRENCY|JPY|CURRENCY must be an ISO 4217 code",
        "CORS_ORIGINS|*|CORS_ORIGINS must be a comma-separated list of origins",
        "CORS_ORIGINS|http://ok.example/path|CORS_ORIGINS must be a comma-separated list of origins",
        "DATABASE_URL|jdbc:mysql://db/shop|DATABASE_URL must be a jdbc:sqlite: URL or a jdbc:postgresql://host:port/database URL",
        "DATABASE_URL|jdbc:postgresql:shop|DATABASE_URL must be a jdbc:sqlite: URL or a jdbc:postgresql://host:port/database URL",
        "DATABASE_URL|jdbc:postgresql://db:5432/|DATABASE_URL must be a jdbc:sqlite: URL or a jdbc:postgresql://host:port/database URL",
        "DATABASE_POOL_SIZE|0|DATABASE_POOL_SIZE must be a whole number from 1 to 1000",
        "HOST|' '|HOST must not be empty",
        "TRUSTED_PROXIES|proxy.example|TRUSTED_PROXIES must be a comma-separated list of IP addresses",
        "JVM_OPTIONS|-Xmx112m Xss1m|JVM_OPTIONS must be JVM options separated by spaces",
        "STORE_COUNTRY|XX|STORE_COUNTRY must be an ISO 3166-1 alpha-2 country code",
        "STORE_COUNTRY|Germany|STORE_COUNTRY must be an ISO 3166-1 alpha-2 country code",
    })
    void aBadValueIsRefusedWithOneLineNamingTheVariable(String name, String value, String expected) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> StorefrontConfig.from(Map.of(name, value), new String[0]));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void anUnknownOptionIsRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> StorefrontConfig.from(Map.of(), new String[] {"--prot=8080"}));
        assertTrue(e.getMessage().contains("--prot"), e.getMessage());
    }

    @Test
    void controlCharactersInABadValueAreNotEchoed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> StorefrontConfig.from(Map.of("PORT", "1\n2\u001b[31m"), new String[0]));
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(e.getMessage().contains("\u001b"));
    }

    @Test
    void aPostgresqlUrlSelectsPostgresqlWithItsCredentialsAndPoolSize() {
        StorefrontConfig config = StorefrontConfig.from(Map.of("DATABASE_URL", "jdbc:postgresql://10.0.0.7:5432/shop",
                "DATABASE_USER", "shop", "DATABASE_PASSWORD", " s3cret ", "DATABASE_POOL_SIZE", "32"), new String[0]).config();
        assertTrue(config.usesPostgres());
        assertEquals("shop", config.databaseUser());
        assertEquals(" s3cret ", config.databasePassword(), "a password is taken as given, spaces and all");
        assertEquals(32, config.databasePoolSize());
        assertFalse(StorefrontConfig.defaults().usesPostgres());
        assertEquals(16, StorefrontConfig.defaults().databasePoolSize());
    }

    @Test
    void thePasswordIsNeverInTheConfigurationsTextNorInTheDatabaseLine() {
        StorefrontConfig config = StorefrontConfig.from(Map.of("DATABASE_URL",
                "jdbc:postgresql://shop:hunter2@db:5432/shop?password=hunter2&ssl=true", "DATABASE_PASSWORD", "hunter2"),
                new String[0]).config();
        assertFalse(config.toString().contains("hunter2"), config.toString());
        assertFalse(config.databaseDescription().contains("hunter2"), config.databaseDescription());
        assertTrue(config.databaseDescription().contains("ssl=true"), config.databaseDescription());
    }

    @Test
    void thePublicUrlDefaultsToLocalhostOnThePortAndIsCheckedAndTrimmed() {
        assertEquals("http://localhost:5005", StorefrontConfig.defaults().publicUrl());
        assertEquals("http://localhost:8080",
                StorefrontConfig.from(Map.of("PORT", "8080"), new String[0]).config().publicUrl());
        assertEquals("https://shop.example.com", StorefrontConfig.from(Map.of("PUBLIC_URL", "https://shop.example.com/"),
                new String[0]).config().publicUrl());
        for (String bad : List.of("ftp://shop.example.com", "shop.example.com", "https://shop.example.com/?a=1",
                "https://user:pw@shop.example.com", "https://shop.example.com/#x")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> StorefrontConfig.from(Map.of("PUBLIC_URL", bad), new String[0]), bad);
            assertTrue(e.getMessage().startsWith("PUBLIC_URL must be"), e.getMessage());
        }
    }

    @Test
    void verifiedEmailIsNotRequiredByDefault() {
        assertFalse(StorefrontConfig.defaults().requireVerifiedEmail());
        assertTrue(StorefrontConfig.from(Map.of("REQUIRE_VERIFIED_EMAIL", "true"), new String[0]).config()
                .requireVerifiedEmail());
    }

    @Test
    void theTotpKeyIsThirtyTwoBytesOfBase64AndNeverInTheConfigurationsText() {
        assertEquals(null, StorefrontConfig.defaults().totpEncryptionKey());
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]).replace("A", "B");
        StorefrontConfig config = StorefrontConfig.from(Map.of("TOTP_ENCRYPTION_KEY", key), new String[0]).config();
        assertEquals(key, config.totpEncryptionKey());
        assertFalse(config.toString().contains(key), config.toString());
        for (String bad : List.of("not base64!", java.util.Base64.getEncoder().encodeToString(new byte[16]))) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> StorefrontConfig.from(Map.of("TOTP_ENCRYPTION_KEY", bad), new String[0]));
            assertTrue(e.getMessage().startsWith("TOTP_ENCRYPTION_KEY must be"), e.getMessage());
            assertFalse(e.getMessage().contains(bad), "a key, even a bad one, is not repeated: " + e.getMessage());
        }
    }

    @Test
    void theStoreCountryIsNoneByDefaultAndAKnownCodeUpperCased() {
        assertEquals(java.util.Optional.empty(), StorefrontConfig.defaults().storeCountry());
        assertEquals("DE", StorefrontConfig.from(Map.of("STORE_COUNTRY", " de "), new String[0]).config().storeCountry()
                .orElseThrow().code());
        assertEquals(java.util.Optional.empty(), StorefrontConfig.from(Map.of("STORE_COUNTRY", ""), new String[0])
                .config().storeCountry());
    }
}
