package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.HttpTestClient.Response;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An outsider cannot lock an owner out of login or of password reset (api.md, amended 2026-12-01),
 * over real HTTP; the client addresses come from {@code X-Forwarded-For} behind a trusted 127.0.0.1.
 */
class OutsiderLockOutIT {
    private static final String PASSWORD = "correct horse battery";
    private static final String OUTSIDER = "10.6.6.6";
    private static final String OWNER = "10.0.0.1";

    @TempDir
    static Path dataDir;
    private static TestServer http;

    @BeforeAll
    static void start() {
        http = TestServer.start(dataDir, Map.of("TRUSTED_PROXIES", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static Response post(String from, String path, String json) {
        return http.send("POST", path, json, null, "X-Forwarded-For", from);
    }

    private static Response login(String from, String login, String password) {
        return post(from, "/api/login", "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}");
    }

    private static Response requestReset(String from, String email) {
        return post(from, "/api/password-reset", "{\"email\":\"" + email + "\"}");
    }

    private static Response confirmReset(String token, String newPassword) {
        return post(OWNER, "/api/password-reset/confirm",
                "{\"token\":\"" + token + "\",\"newPassword\":\"" + newPassword + "\"}");
    }

    @Test
    void anOutsidersFailedLoginsThrottleOnlyTheOutsidersAddress() {
        String name = TestServer.uniqueName("owner");
        assertEquals(201, http.register(name, PASSWORD).status());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(OUTSIDER, name, "wrong password " + i).status());
        }
        Response throttled = login(OUTSIDER, name, PASSWORD);
        assertEquals(429, throttled.status(), throttled.body());
        assertEquals("1", throttled.header("Retry-After").orElseThrow());
        Response owner = login(OWNER, name, PASSWORD);
        assertEquals(200, owner.status(), owner.body());
        assertTrue(owner.sidCookie().isPresent());
    }

    @Test
    void twentyFailuresFromManyAddressesThrottleTheAccountForEveryone() {
        String name = TestServer.uniqueName("owner");
        assertEquals(201, http.register(name, PASSWORD).status());
        for (int i = 0; i < 20; i++) {
            assertEquals(401, login("10.1.0." + i, name, "wrong password").status());
        }
        Response owner = login(OWNER, name, PASSWORD);
        assertEquals(429, owner.status(), owner.body());
        assertTrue(owner.header("Retry-After").isPresent());
    }

    @Test
    void anOutsidersResetRequestsDoNotKillTheLinkTheOwnerWasSent() {
        String name = TestServer.uniqueName("owner");
        String email = name + "@example.com";
        assertEquals(201, http.register(name, PASSWORD).status());
        assertEquals(202, requestReset(OWNER, email).status());
        String ownersLink = http.tokenFromOutbox(email);
        assertEquals(202, requestReset(OUTSIDER, email).status());
        assertEquals(202, requestReset(OUTSIDER, email).status());
        String newest = awaitNewToken(email, ownersLink);

        assertEquals(204, confirmReset(ownersLink, "brand new secret 42").status(), "the owner's link still works");
        assertEquals(400, confirmReset(newest, "another new secret 7").status(), "using one ended them all");
        assertEquals(200, login(OWNER, name, "brand new secret 42").status());
    }

    @Test
    void theOwnersOwnRequestAfterAnOutsidersTwoGetsAWorkingLink() {
        String name = TestServer.uniqueName("owner");
        String email = name + "@example.com";
        assertEquals(201, http.register(name, PASSWORD).status());
        assertEquals(202, requestReset(OUTSIDER, email).status());
        assertEquals(202, requestReset(OUTSIDER, email).status());
        String outsiders = http.tokenFromOutbox(email);
        assertEquals(202, requestReset(OWNER, email).status());
        String ownersLink = awaitNewToken(email, outsiders);
        assertEquals(204, confirmReset(ownersLink, "brand new secret 42").status());
    }

    /** The newest token mailed to {@code email} once it is no longer {@code previous} (mail goes out asynchronously). */
    private static String awaitNewToken(String email, String previous) {
        for (int i = 0; i < 250; i++) {
            String token = http.tokenFromOutbox(email);
            if (!token.equals(previous)) {
                return token;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no new reset mail for " + email);
    }
}
