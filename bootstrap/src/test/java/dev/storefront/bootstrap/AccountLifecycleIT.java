package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.HttpTestClient.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole life of an account, over real HTTP against the real server. */
class AccountLifecycleIT {
    @TempDir
    Path dataDir;

    @Test
    void walksAnAccountFromRegistrationThroughPasswordResetToTheNewPassword() {
        try (TestServer http = TestServer.start(dataDir)) {
            String name = TestServer.uniqueName("walker");
            String email = name + "@example.com";
            String password = "first secret phrase 1";
            String newPassword = "second secret phrase 2";

            // register
            Response registered = http.register(name, password);
            assertEquals(201, registered.status(), registered.body());
            assertTrue(registered.body().contains("\"username\":\"" + name + "\""));
            assertTrue(registered.body().contains("\"role\":\"customer\""));
            assertFalse(registered.body().contains("hash"));
            assertTrue(registered.sidCookie().isEmpty(), "registration creates no session");

            // duplicate rejected
            Response duplicate = http.register(name.toUpperCase(), password);
            assertEquals(409, duplicate.status());
            assertTrue(duplicate.body().contains("\"field\":\"username\""), duplicate.body());

            // wrong password 401
            assertEquals(401, http.login(name, "not the password", null).status());

            // current user 401
            assertEquals(401, http.get("/api/user", null).status());

            // login, cookie flags checked
            Response login = http.login(email.toUpperCase(), password, null);
            assertEquals(200, login.status(), login.body());
            String cookie = login.sidCookie().orElseThrow();
            assertTrue(cookie.contains("HttpOnly"), cookie);
            assertTrue(cookie.contains("SameSite=Lax"), cookie);
            assertTrue(cookie.contains("Path=/"), cookie);
            assertFalse(cookie.contains("Secure"), "COOKIE_SECURE defaults to false");
            String sid = login.sid();
            assertTrue(sid.length() >= 43, "at least 256 bits");

            // current user
            Response me = http.get("/api/user", sid);
            assertEquals(200, me.status());
            assertTrue(me.body().contains("\"email\":\"" + email + "\""));

            // dashboard
            Response dashboard = http.get("/api/dashboard", sid);
            assertEquals(200, dashboard.status(), dashboard.body());
            assertTrue(dashboard.body().contains("\"orders\":0"));
            assertTrue(dashboard.body().contains("\"totalSpent\":\"0.00\""));
            assertTrue(dashboard.body().contains("\"recentOrders\":[]"));

            // logout
            Response logout = http.post("/api/logout", null, sid);
            assertEquals(200, logout.status());
            assertEquals("{\"message\":\"Logged out\"}", logout.body());
            assertTrue(logout.clearsSid(), logout.headers().toString());

            // the old cookie replayed gets 401 (and is cleared)
            Response replay = http.get("/api/user", sid);
            assertEquals(401, replay.status());
            assertTrue(replay.clearsSid());

            // reset requested; the token comes from the outbox, never the response
            Response requested = http.post("/api/password-reset", "{\"email\":\"" + email + "\"}", null);
            assertEquals(202, requested.status());
            String token = http.tokenFromOutbox(email);
            assertFalse(requested.body().contains(token));

            // a wrong token 400
            Response wrong = http.post("/api/password-reset/confirm",
                    "{\"token\":\"" + "A".repeat(43) + "\",\"newPassword\":\"" + newPassword + "\"}", null);
            assertEquals(400, wrong.status());

            // confirm 204
            String confirmBody = "{\"token\":\"" + token + "\",\"newPassword\":\"" + newPassword + "\"}";
            assertEquals(204, http.post("/api/password-reset/confirm", confirmBody, null).status());

            // the token reused 400, with the same answer as a wrong one
            Response reused = http.post("/api/password-reset/confirm", confirmBody, null);
            assertEquals(400, reused.status());
            assertEquals(wrong.body(), reused.body());

            // the old password 401, the new one 200
            assertEquals(401, http.login(name, password, null).status());
            Response fresh = http.login(name, newPassword, null);
            assertEquals(200, fresh.status());
            assertNotEquals(sid, fresh.sid());
        }
    }
}
