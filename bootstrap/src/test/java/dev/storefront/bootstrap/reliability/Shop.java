package dev.storefront.bootstrap.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storefront.bootstrap.StorefrontConfig;
import dev.storefront.bootstrap.reliability.Http.Answer;
import dev.storefront.bootstrap.server.StorefrontServer;
import dev.storefront.domain.port.in.account.GrantAdminUseCase.GrantAdminCommand;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real server in this JVM on 127.0.0.1, port 0, with a SQLite file in a temp directory and
 * bcrypt cost 4, plus what the reliability tests need around it: users and admins, products, a
 * read-only view of the database and the captured log.
 */
final class Shop implements AutoCloseable {
    static final String PASSWORD = "hostile suite passphrase 7";
    private static final AtomicInteger NAMES = new AtomicInteger();

    final StorefrontServer server;
    final Path dataDir;
    final Http http;
    final Database db;

    private Shop(StorefrontServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
        this.http = new Http(server.port());
        this.db = new Database(dataDir.resolve("storefront.db"));
    }

    static Shop start(Path dataDir, String... extra) {
        Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "HOST", "127.0.0.1",
                "DATA_DIR", dataDir.toString(), "BCRYPT_COST", "4", "DEMO_CATALOG", "false",
                // Every test client comes from 127.0.0.1: the shoppers of a test are not one client.
                "REGISTRATIONS_PER_HOUR", "1000000", "GUEST_SESSIONS_PER_HOUR", "1000000"));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return new Shop(StorefrontServer.start(StorefrontConfig.from(env, new String[0]).config()), dataDir);
    }

    static String uniqueName(String prefix) {
        return prefix + NAMES.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    /** Registers {@code name} (email {@code name@example.com}, password {@link #PASSWORD}). */
    void register(String name) {
        Answer answer = http.post("/api/register", "{\"username\":\"" + name + "\",\"email\":\"" + name
                + "@example.com\",\"password\":\"" + PASSWORD + "\"}", null);
        assertEquals(201, answer.status(), answer::toString);
    }

    String login(String name) {
        Answer answer = http.post("/api/login", "{\"login\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}", null);
        assertEquals(200, answer.status(), answer::toString);
        return answer.sid();
    }

    /** A new customer, logged in: its SID. */
    String customer(String prefix) {
        String name = uniqueName(prefix);
        register(name);
        return login(name);
    }

    /** A new admin, logged in: its SID. */
    String admin() {
        String name = uniqueName("admin");
        register(name);
        server.storefront().accounts().grantAdmin().grantAdmin(new GrantAdminCommand(name));
        return login(name);
    }

    /** Creates a product as {@code adminSid}; its id. */
    long product(String adminSid, String sku, String price, int stock) {
        Answer answer = http.post("/api/products", "{\"sku\":\"" + sku + "\",\"name\":\"Product " + sku
                + "\",\"description\":\"A test product\",\"category\":\"Reliability\",\"price\":\"" + price
                + "\",\"stock\":" + stock + "}", adminSid);
        assertEquals(201, answer.status(), answer::toString);
        return answer.json().path("product").path("id").asLong();
    }

    @Override
    public void close() {
        server.close();
    }
}
