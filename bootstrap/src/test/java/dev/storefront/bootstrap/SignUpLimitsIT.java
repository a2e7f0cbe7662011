package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.application.account.SignUpLimits;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.port.in.catalog.CreateProductCommand;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one client address may create: accounts and guest sessions, each limited per hour. (The
 * other tests' servers raise both limits: all their clients are 127.0.0.1.)
 */
class SignUpLimitsIT {
    private static final String PASSWORD = "correct horse battery";

    @Test
    void theThirtyFirstRegistrationFromOneAddressGets429WithRetryAfter(@TempDir Path dataDir) {
        try (TestServer http = TestServer.start(dataDir, Map.of("REGISTRATIONS_PER_HOUR",
                Integer.toString(SignUpLimits.DEFAULT_REGISTRATIONS_PER_HOUR)))) {
            String first = TestServer.uniqueName("reg");
            assertEquals(201, http.register(first, PASSWORD).status());
            // A probe of a taken name spends the budget like a registration does.
            assertEquals(409, http.register(first, PASSWORD).status());
            for (int i = 3; i <= 30; i++) {
                Response r = http.register(TestServer.uniqueName("reg"), PASSWORD);
                assertEquals(201, r.status(), "registration " + i + ": " + r.body());
            }

            Response refused = http.register(TestServer.uniqueName("reg"), PASSWORD);
            assertEquals(429, refused.status(), refused.body());
            assertTrue(refused.header("Content-Type").orElseThrow().startsWith("application/problem+json"));
            assertTrue(refused.body().contains("\"type\":\"/problems/rate-limited\""), refused.body());
            long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
            assertEquals(429, http.register(first, PASSWORD).status(), "no 409 either once throttled");
        }
    }

    @Test
    void guestSessionsFromOneAddressAreLimitedWhileExistingGuestsKeepShopping(@TempDir Path dataDir) {
        try (TestServer http = TestServer.start(dataDir, Map.of("GUEST_SESSIONS_PER_HOUR", "3"))) {
            Product mug = http.server.storefront().catalog().createProduct().createProduct(new CreateProductCommand("MUG-1",
                    "Mug", "", "Kitchen", new BigDecimal("9.50"), 100, null));
            String add = "{\"productId\":" + mug.id().value() + "}";
            String guest = null;
            for (int i = 0; i < 3; i++) {
                Response added = http.post("/api/cart/items", add, null);
                assertEquals(200, added.status(), added.body());
                guest = added.sid();
            }

            Response refused = http.post("/api/cart/items", add, null);
            assertEquals(429, refused.status(), refused.body());
            assertTrue(refused.body().contains("\"type\":\"/problems/rate-limited\""), refused.body());
            long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
            assertTrue(refused.sidCookie().isEmpty(), "no session was started");

            Response again = http.post("/api/cart/items", add, guest);
            assertEquals(200, again.status(), "a guest who has a session is not a new one: " + again.body());
            assertEquals(2, again.json().path("items").get(0).path("quantity").asInt());
        }
    }

    @Test
    void aProfileChangeRevealsATakenEmailOnlyAfterThePasswordAndTenTimesAnHour(@TempDir Path dataDir) {
        try (TestServer http = TestServer.start(dataDir)) {
            String alice = TestServer.uniqueName("alice");
            String bob = TestServer.uniqueName("bob");
            String sid = http.registeredAndLoggedIn(alice, PASSWORD);
            http.register(bob, PASSWORD);
            String probe = "{\"email\":\"" + bob + "@example.com\",\"currentPassword\":\"%s\"}";

            Response wrong = http.send("PATCH", "/api/user", String.format(probe, "wrong password"), sid);
            assertEquals(403, wrong.status(), "the password first: " + wrong.body());
            for (int i = 0; i < 10; i++) {
                Response taken = http.send("PATCH", "/api/user", String.format(probe, PASSWORD), sid);
                assertEquals(409, taken.status(), taken.body());
            }
            Response refused = http.send("PATCH", "/api/user", String.format(probe, PASSWORD), sid);
            assertEquals(429, refused.status(), refused.body());
            assertTrue(refused.header("Retry-After").isPresent());
        }
    }
}
