package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.bootstrap.OrderTestKit.Shopper;
import dev.storefront.domain.catalog.Product;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** "Your data: export and deletion" over HTTP: every row, every failure code, and the races. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountDataIT {
    private static final String PASSWORD = OrderTestKit.PASSWORD;
    private static final String RIGHT = "{\"currentPassword\":\"" + PASSWORD + "\"}";

    @TempDir
    static Path dataDir;
    private TestServer server;
    private OrderTestKit kit;
    private ExecutorService pool;

    @BeforeAll
    void start() {
        // Behind a trusted 127.0.0.1, so that the racers come from addresses of their own: the login
        // throttle lets one attempt per account and address run at a time, which would serialise them.
        server = TestServer.start(dataDir, Map.of("TRUSTED_PROXIES", "127.0.0.1"));
        kit = new OrderTestKit(server);
        pool = Executors.newFixedThreadPool(3);
    }

    @AfterAll
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        server.close();
    }

    private Response export(String sid) {
        return server.get("/api/user/export", sid);
    }

    private Response deleteAccount(String sid, String json) {
        return server.send("DELETE", "/api/user", json, sid);
    }

    @Test
    void theExportIsAnAttachmentOfEverythingStoredAboutTheCallerAndNoSecret() {
        Shopper alice = kit.shopper("exporter");
        String second = server.login(alice.username(), PASSWORD, null).sid();
        Product tea = kit.product("4.50", 20);
        kit.fill(alice, tea, 2);
        long orderId = kit.checkout(alice).json().path("order").path("id").asLong();
        kit.fill(alice, tea, 3);

        Response answer = export(alice.sid());

        assertEquals(200, answer.status(), answer.body());
        assertEquals("attachment; filename=\"storefront-export.json\"", answer.header("Content-Disposition").orElse(""));
        JsonNode json = answer.json();
        assertEquals(alice.username(), json.path("profile").path("username").asText());
        assertEquals(alice.username() + "@example.com", json.path("profile").path("email").asText());
        assertEquals(2, json.path("sessions").size());
        assertTrue(json.path("passkeys").isArray() && json.path("passkeys").isEmpty(), answer.body());
        assertEquals(1, answer.values("sessions", "current").stream().filter("true"::equals).count());
        JsonNode order = json.path("orders").get(0);
        assertEquals(orderId, order.path("id").asLong());
        assertEquals("9.00", order.path("total").asText(), "money as the API renders it");
        assertEquals("4.50", order.path("items").get(0).path("unitPrice").asText());
        assertEquals(3, json.path("cart").path("itemCount").asInt());
        assertEquals("13.50", json.path("cart").path("subtotal").asText());
        assertTrue(json.path("addresses").isArray() && json.path("addresses").isEmpty());
        assertFalse(answer.body().contains(alice.sid()) || answer.body().contains(second), "never a session id");
        assertFalse(answer.body().contains("$2"), "never a password hash");
        assertFalse(answer.body().toLowerCase(java.util.Locale.ROOT).contains("digest"));

        assertEquals(401, export(null).status());
    }

    @Test
    void anAccountExportsAtMostTenTimesAnHour() {
        Shopper bob = kit.shopper("frequent");
        for (int i = 0; i < 10; i++) {
            assertEquals(200, export(bob.sid()).status());
        }
        Response throttled = export(bob.sid());
        assertEquals(429, throttled.status());
        assertTrue(Long.parseLong(throttled.header("Retry-After").orElseThrow()) > 0);
        assertEquals(200, export(kit.shopper("other").sid()).status(), "another account has its own budget");
    }

    @Test
    void deletionEndsEverySessionErasesTheAccountAndKeepsTheOrderForTheShop() {
        Shopper carol = kit.shopper("leaver");
        String otherSession = server.login(carol.username(), PASSWORD, null).sid();
        Product tea = kit.product("2.00", 20);
        kit.fill(carol, tea, 1);
        long orderId = kit.checkout(carol).json().path("order").path("id").asLong();
        kit.fill(carol, tea, 4);

        Response deleted = deleteAccount(carol.sid(), RIGHT);

        assertEquals(204, deleted.status(), deleted.body());
        assertTrue(deleted.sidCookie().orElseThrow().startsWith("SID=;"), "the cookie is cleared");
        assertEquals(401, server.get("/api/user", carol.sid()).status());
        assertEquals(401, server.get("/api/user", otherSession).status(), "every session ended");
        assertEquals(401, deleteAccount(carol.sid(), RIGHT).status(), "a second delete with the old session");
        assertEquals(401, server.login(carol.username(), PASSWORD, null).status());
        assertTrue(kit.cart(carol).isEmpty(), "the cart is erased");
        Shopper admin = kit.admin("shopkeeper");
        Response paid = server.post("/api/orders/" + orderId + "/status", "{\"status\":\"PAID\"}", admin.sid());
        assertEquals(200, paid.status(), "the shop still handles the order of a deleted customer: " + paid.body());

        // The name (in another case) and the email are free again; the new account sees no old order.
        Response again = server.post("/api/register", "{\"username\":\"" + carol.username().toUpperCase(java.util.Locale.ROOT)
                + "\",\"email\":\"" + carol.username() + "@example.com\",\"password\":\"" + PASSWORD + "\"}", null);
        assertEquals(201, again.status(), again.body());
        String sid = server.login(carol.username() + "@example.com", PASSWORD, null).sid();
        assertEquals(0, server.get("/api/orders", sid).json().path("total").asInt());
        assertEquals(0, server.get("/api/dashboard", sid).json().path("stats").path("orders").asInt());
        assertEquals(0, server.get("/api/dashboard", sid).json().path("stats").path("cartItems").asInt());
        assertTrue(export(sid).json().path("orders").isEmpty());
        assertEquals(404, server.get("/api/orders/" + orderId, sid).status());
    }

    @Test
    void aDeletionWithAMissingOrWrongPasswordOrNoLoginErasesNothing() {
        Shopper dave = kit.shopper("stayer");
        Product tea = kit.product("1.00", 20);
        kit.fill(dave, tea, 2);

        Response missing = deleteAccount(dave.sid(), "{}");
        assertEquals(400, missing.status());
        assertEquals(List.of("currentPassword"), missing.errorFields());
        assertEquals(401, deleteAccount(null, RIGHT).status());
        Response wrong = deleteAccount(dave.sid(), "{\"currentPassword\":\"not my password\"}");
        assertEquals(403, wrong.status());

        assertEquals(200, server.get("/api/user", dave.sid()).status());
        assertEquals(2, kit.cart(dave).lines().get(0).quantity().value());
        assertEquals(200, server.login(dave.username(), PASSWORD, null).status());
    }

    @Test
    void wrongPasswordsForADeletionAreThrottledLikeLogins() {
        Shopper eve = kit.shopper("guesser");
        int status = 0;
        for (int i = 0; i < 6 && status != 429; i++) {
            status = deleteAccount(eve.sid(), "{\"currentPassword\":\"guess " + i + "\"}").status();
        }
        assertEquals(429, status);
        assertEquals(429, deleteAccount(eve.sid(), RIGHT).status(), "even the right password while throttled");
        assertEquals(200, server.get("/api/user", eve.sid()).status());
    }

    /**
     * A deletion, a login and a checkout of one user at the same moment. Whatever order they take,
     * no session of the deleted user survives (a login either finished first and its session was
     * erased, or found no user), and a checkout either placed its order first or found nothing.
     */
    @RepeatedTest(8)
    void aDeletionRacingALoginAndACheckoutLeavesNoLiveSessionOfTheDeletedUser() throws Exception {
        Shopper frank = kit.shopper("racer");
        Product tea = kit.product("3.00", 100);
        kit.fill(frank, tea, 1);
        CyclicBarrier together = new CyclicBarrier(3);
        List<Callable<Response>> racers = List.of(
                () -> {
                    together.await();
                    return server.send("DELETE", "/api/user", RIGHT, frank.sid(), "X-Forwarded-For", "10.9.0.1");
                },
                () -> {
                    together.await();
                    return server.send("POST", "/api/login", "{\"login\":\"" + frank.username() + "\",\"password\":\""
                            + PASSWORD + "\"}", null, "X-Forwarded-For", "10.9.0.2");
                },
                () -> {
                    together.await();
                    return kit.checkout(frank);
                });
        List<Future<Response>> futures = new ArrayList<>();
        racers.forEach(racer -> futures.add(pool.submit(racer)));
        Response deleted = futures.get(0).get(60, TimeUnit.SECONDS);
        Response login = futures.get(1).get(60, TimeUnit.SECONDS);
        Response checkout = futures.get(2).get(60, TimeUnit.SECONDS);

        assertEquals(204, deleted.status(), deleted.body());
        assertTrue(login.status() == 200 || login.status() == 401, login.toString());
        assertTrue(checkout.status() == 201 || checkout.status() == 400 || checkout.status() == 401, checkout.toString());
        if (login.status() == 200) {
            assertEquals(401, server.get("/api/user", login.sid()).status(), "the login's session was erased");
            assertEquals(401, server.get("/api/user/export", login.sid()).status());
        }
        assertEquals(401, server.get("/api/user", frank.sid()).status());
        assertEquals(401, server.login(frank.username(), PASSWORD, null).status());
        assertTrue(kit.cart(frank).isEmpty());
        if (checkout.status() == 201) {
            long orderId = checkout.json().path("order").path("id").asLong();
            assertEquals(401, server.get("/api/orders/" + orderId, frank.sid()).status());
        }
    }
}
