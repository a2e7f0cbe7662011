package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.HttpTestClient.Response;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one client address may create: accounts and guest sessions, each limited per hour. */
class SignUpLimitsIT {
    private static final String PASSWORD = "correct horse battery";

    @Test
    void theThirtyFirstRegistrationFromOneAddressGets429WithRetryAfter(@TempDir Path dataDir) {
        try (TestServer http = TestServer.start(dataDir, Map.of())) {
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
}
