package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.domain.port.in.account.StartGuestSessionUseCase.StartGuestSessionCommand;
import dev.storefront.domain.session.IssuedSession;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every row of api.md's Accounts table over real HTTP, each failure code included. */
class AccountsApiIT {
    private static final String PASSWORD = "correct horse battery";
    private static final String PROBLEM = "application/problem+json";

    @TempDir
    static Path dataDir;
    private static TestServer http;

    @BeforeAll
    static void start() {
        http = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static String name() {
        return TestServer.uniqueName("u");
    }

    private static String handleOfCurrent(String sessionsBody) {
        Matcher m = Pattern.compile("\\{\"id\":\"([^\"]+)\"[^}]*\"current\":true").matcher(sessionsBody);
        assertTrue(m.find(), sessionsBody);
        return m.group(1);
    }

    // POST /api/register

    @Test
    void registerAnswers201WithTheUserAndNoSession() {
        String name = name();
        Response r = http.register(name, PASSWORD);
        assertEquals(201, r.status());
        assertTrue(r.body().matches("\\{\"user\":\\{\"id\":\\d+,\"username\":\"" + name + "\",\"email\":\"" + name
                + "@example.com\",\"emailVerified\":false,\"pendingEmail\":null,\"role\":\"customer\","
                + "\"mfa\":\\{\"totp\":false,\"passkeys\":0},\"createdAt\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"}}"),
                r.body());
        assertTrue(r.sidCookie().isEmpty());
    }

    @Test
    void registerRejectsA73BytePasswordAndACommonPasswordWithFieldErrors() {
        Response tooLong = http.register(name(), "x".repeat(73));
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.header("Content-Type").orElseThrow().startsWith(PROBLEM));
        assertTrue(tooLong.body().contains("\"field\":\"password\""), tooLong.body());
        assertTrue(tooLong.body().contains("72 bytes"), tooLong.body());
        Response common = http.register(name(), "iloveyou");
        assertEquals(400, common.status());
        assertTrue(common.body().contains("\"field\":\"password\""));
        assertTrue(common.body().contains("too common"), common.body());
    }

    @Test
    void registerReportsInvalidAndMissingFieldsTogether() {
        Response r = http.post("/api/register", "{\"username\":\"x\",\"email\":\"nope\"}", null);
        assertEquals(400, r.status());
        assertTrue(r.body().contains("\"type\":\"/problems/validation\""));
        assertTrue(r.body().contains("\"field\":\"username\"") && r.body().contains("\"field\":\"email\"")
                && r.body().contains("\"field\":\"password\""), r.body());
    }

    @Test
    void registerAnswers409NamingTheTakenField() {
        String name = name();
        http.register(name, PASSWORD);
        Response sameName = http.post("/api/register", "{\"username\":\"" + name.toUpperCase()
                + "\",\"email\":\"other-" + name + "@example.com\",\"password\":\"" + PASSWORD + "\"}", null);
        assertEquals(409, sameName.status());
        assertTrue(sameName.body().contains("\"errors\":[{\"field\":\"username\""), sameName.body());
        Response sameEmail = http.post("/api/register", "{\"username\":\"other" + name
                + "\",\"email\":\"" + name.toUpperCase() + "@EXAMPLE.com\",\"password\":\"" + PASSWORD + "\"}", null);
        assertEquals(409, sameEmail.status());
        assertTrue(sameEmail.body().contains("\"errors\":[{\"field\":\"email\""), sameEmail.body());
    }

    @Test
    void registerRefusesNonJsonAndMalformedBodies() {
        assertEquals(415, http.send("POST", "/api/register", "username=a", null, "Content-Type", "text/plain").status());
        assertEquals(400, http.post("/api/register", "{\"username\":", null).status());
        assertEquals(400, http.post("/api/register", "{\"username\":5,\"email\":\"a@b.co\",\"password\":\"x\"}", null).status());
    }

    // POST /api/login

    @Test
    void loginAnswers200WithTheUserAndAnHttpOnlyLaxCookie() {
        String name = name();
        http.register(name, PASSWORD);
        Response r = http.login(name, PASSWORD, null);
        assertEquals(200, r.status());
        assertTrue(r.body().startsWith("{\"user\":{\"id\":"), r.body());
        String cookie = r.sidCookie().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"), cookie);
    }

    @Test
    void loginAcceptsUsernameOrEmailInPlaceOfLogin() {
        String name = name();
        http.register(name, PASSWORD);
        assertEquals(200, http.post("/api/login", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}",
                null).status());
        assertEquals(200, http.post("/api/login", "{\"email\":\"" + name + "@example.com\",\"password\":\"" + PASSWORD
                + "\"}", null).status());
        assertEquals(400, http.post("/api/login", "{\"password\":\"" + PASSWORD + "\"}", null).status());
    }

    @Test
    void unknownUserAndWrongPasswordGetByteIdenticalBodies() {
        String name = name();
        http.register(name, PASSWORD);
        Response wrong = http.login(name, "wrong password here", null);
        Response unknown = http.login(name() + "nobody", "wrong password here", null);
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(wrong.body(), unknown.body());
        assertEquals(wrong.header("Content-Type"), unknown.header("Content-Type"));
        assertEquals(wrong.header("Content-Length"), unknown.header("Content-Length"));
        assertNotEquals(wrong.header("X-Request-Id"), unknown.header("X-Request-Id"), "the id is in a header only");
    }

    @Test
    void theSixthRapidFailureGets429WithRetryAfterEvenWithTheRightPassword() {
        String name = name();
        http.register(name, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, http.login(name, "wrong password " + i, null).status());
        }
        Response throttled = http.login(name, PASSWORD, null);
        assertEquals(429, throttled.status(), throttled.body());
        assertTrue(Integer.parseInt(throttled.header("Retry-After").orElseThrow()) >= 1);
        assertTrue(throttled.sidCookie().isEmpty());
        Response alsoThrottled = http.login(name, "wrong again", null);
        assertEquals(throttled.body(), alsoThrottled.body(), "no oracle while throttled");
    }

    @Test
    void loginRotatesTheSessionIdAndAGuestsIdStopsWorking() {
        String name = name();
        http.register(name, PASSWORD);
        IssuedSession guest = http.server.storefront().accounts().startGuestSession()
                .startGuestSession(new StartGuestSessionCommand("test"));
        String guestSid = guest.token().value();
        assertTrue(http.server.storefront().accounts().resolveSession().resolveSession(
                new dev.storefront.domain.port.in.account.ResolveSessionUseCase.SessionQuery(guest.token())).isPresent());
        Response login = http.login(name, PASSWORD, guestSid);
        assertEquals(200, login.status());
        String userSid = login.sid();
        assertNotEquals(guestSid, userSid);
        assertTrue(http.server.storefront().accounts().resolveSession().resolveSession(
                new dev.storefront.domain.port.in.account.ResolveSessionUseCase.SessionQuery(guest.token())).isEmpty(),
                "the guest id stopped working");
        Response again = http.login(name, PASSWORD, userSid);
        assertNotEquals(userSid, again.sid());
        assertEquals(401, http.get("/api/user", userSid).status(), "a logged-in session rotates too");
    }

    @Test
    void aForeignOriginCannotPostALogin() {
        Response r = http.send("POST", "/api/login", "{\"login\":\"a\",\"password\":\"b\"}", null,
                "Origin", "https://evil.example");
        assertEquals(403, r.status());
    }

    // POST /api/logout

    @Test
    void logoutIsIdempotentAndAlwaysClearsTheCookie() {
        Response none = http.post("/api/logout", null, null);
        assertEquals(200, none.status());
        assertEquals("{\"message\":\"Logged out\"}", none.body());
        assertTrue(none.clearsSid());
        String sid = http.registeredAndLoggedIn(name(), PASSWORD);
        assertEquals(200, http.post("/api/logout", null, sid).status());
        assertEquals(200, http.post("/api/logout", null, sid).status());
        assertEquals(401, http.get("/api/user", sid).status());
    }

    // GET /api/user

    @Test
    void currentUserIs401WithoutAndWithAnUnknownCookieWhichIsCleared() {
        assertEquals(401, http.get("/api/user", null).status());
        Response stale = http.get("/api/user", "A".repeat(43));
        assertEquals(401, stale.status());
        assertTrue(stale.clearsSid());
        String name = name();
        Response me = http.get("/api/user", http.registeredAndLoggedIn(name, PASSWORD));
        assertEquals(200, me.status());
        assertTrue(me.body().contains("\"username\":\"" + name + "\""));
    }

    // PATCH /api/user

    @Test
    void updateProfileCoversEveryOutcome() {
        String name = name();
        String sid = http.registeredAndLoggedIn(name, PASSWORD);
        String other = name();
        http.register(other, PASSWORD);

        Response ok = http.send("PATCH", "/api/user", "{\"username\":\"" + name + "x\",\"email\":\"NEW-" + name
                + "@example.com\",\"currentPassword\":\"" + PASSWORD + "\"}", sid);
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.body().contains("\"username\":\"" + name + "x\""), ok.body());
        // The new email waits for its confirmation (EmailVerificationIT): the old one stays.
        assertTrue(ok.body().contains("\"email\":\"" + name + "@example.com\"")
                && ok.body().contains("\"pendingEmail\":\"new-"), ok.body());

        assertEquals(400, http.send("PATCH", "/api/user", "{\"username\":\"" + name + "\"}", sid).status());
        Response invalid = http.send("PATCH", "/api/user", "{\"email\":\"bad\",\"currentPassword\":\"" + PASSWORD + "\"}", sid);
        assertEquals(400, invalid.status());
        assertTrue(invalid.body().contains("\"field\":\"email\""));
        assertEquals(401, http.send("PATCH", "/api/user", "{\"currentPassword\":\"" + PASSWORD + "\"}", null).status());
        assertEquals(403, http.send("PATCH", "/api/user", "{\"username\":\"zz" + name
                + "\",\"currentPassword\":\"wrong password\"}", sid).status());
        Response taken = http.send("PATCH", "/api/user", "{\"username\":\"" + other.toUpperCase()
                + "\",\"currentPassword\":\"" + PASSWORD + "\"}", sid);
        assertEquals(409, taken.status());
        assertTrue(taken.body().contains("\"field\":\"username\""));
    }

    // POST /api/user/password

    @Test
    void changePasswordRenewsThisSessionEndsTheOthersAndCoversEveryFailure() {
        String name = name();
        String sid = http.registeredAndLoggedIn(name, PASSWORD);
        String otherDevice = http.login(name, PASSWORD, null).sid();

        assertEquals(401, http.post("/api/user/password", "{\"currentPassword\":\"" + PASSWORD
                + "\",\"newPassword\":\"a new secret 12\"}", null).status());
        assertEquals(403, http.post("/api/user/password", "{\"currentPassword\":\"wrong password\","
                + "\"newPassword\":\"a new secret 12\"}", sid).status());
        Response weak = http.post("/api/user/password", "{\"currentPassword\":\"" + PASSWORD
                + "\",\"newPassword\":\"password\"}", sid);
        assertEquals(400, weak.status());
        assertTrue(weak.body().contains("\"field\":\"newPassword\""));
        Response tooLong = http.post("/api/user/password", "{\"currentPassword\":\"" + PASSWORD
                + "\",\"newPassword\":\"" + "é".repeat(37) + "\"}", sid);
        assertEquals(400, tooLong.status());

        Response changed = http.post("/api/user/password", "{\"currentPassword\":\"" + PASSWORD
                + "\",\"newPassword\":\"a new secret 12\"}", sid);
        assertEquals(204, changed.status());
        String renewed = changed.sid();
        assertNotEquals(sid, renewed);
        assertEquals(401, http.get("/api/user", sid).status());
        assertEquals(401, http.get("/api/user", otherDevice).status());
        assertEquals(200, http.get("/api/user", renewed).status());
        assertEquals(200, http.login(name, "a new secret 12", null).status());
    }

    // GET /api/dashboard

    @Test
    void dashboardShowsTheUserAndZeroStatisticsAndNeedsALogin() {
        assertEquals(401, http.get("/api/dashboard", null).status());
        Response r = http.get("/api/dashboard", http.registeredAndLoggedIn(name(), PASSWORD));
        assertEquals(200, r.status());
        assertTrue(r.body().matches("\\{\"user\":\\{.*},\"stats\":\\{\"orders\":0,\"totalSpent\":\"0.00\",\"currency\":"
                + "\"USD\",\"cartItems\":0,\"memberSince\":\"[0-9T:-]+Z\",\"lastLoginAt\":\"[0-9T:-]+Z\"},"
                + "\"recentOrders\":\\[]}"), r.body());
    }

    // GET /api/user/sessions, DELETE /api/user/sessions/{id}, DELETE /api/user/sessions

    @Test
    void sessionsAreListedWithPublicHandlesAndTheCurrentOneMarked() {
        assertEquals(401, http.get("/api/user/sessions", null).status());
        String name = name();
        String first = http.registeredAndLoggedIn(name, PASSWORD);
        String second = http.login(name, PASSWORD, null).sid();
        Response list = http.get("/api/user/sessions", second);
        assertEquals(200, list.status());
        assertTrue(list.body().startsWith("{\"items\":["), list.body());
        assertEquals(2, list.body().split("\"current\"").length - 1, list.body());
        assertFalse(list.body().contains(first) || list.body().contains(second), "never the cookie value");
        assertTrue(list.body().contains("\"lastSeenAt\"") && list.body().contains("\"userAgent\""));
    }

    @Test
    void revokingOneSessionEndsItAndOthersSessionsAre404() {
        String name = name();
        String first = http.registeredAndLoggedIn(name, PASSWORD);
        String second = http.login(name, PASSWORD, null).sid();
        String firstHandle = handleOfCurrent(http.get("/api/user/sessions", first).body());
        String stranger = http.registeredAndLoggedIn(name(), PASSWORD);

        assertEquals(401, http.send("DELETE", "/api/user/sessions/" + firstHandle, null, null).status());
        assertEquals(404, http.send("DELETE", "/api/user/sessions/" + firstHandle, null, stranger).status());
        assertEquals(404, http.send("DELETE", "/api/user/sessions/nope", null, second).status());
        assertEquals(200, http.get("/api/user", first).status());
        assertEquals(204, http.send("DELETE", "/api/user/sessions/" + firstHandle, null, second).status());
        assertEquals(401, http.get("/api/user", first).status());
        assertEquals(200, http.get("/api/user", second).status());
    }

    @Test
    void revokingAllOthersKeepsOnlyThisSession() {
        String name = name();
        String a = http.registeredAndLoggedIn(name, PASSWORD);
        String b = http.login(name, PASSWORD, null).sid();
        String c = http.login(name, PASSWORD, null).sid();
        assertEquals(401, http.send("DELETE", "/api/user/sessions", null, null).status());
        assertEquals(204, http.send("DELETE", "/api/user/sessions", null, b).status());
        assertEquals(401, http.get("/api/user", a).status());
        assertEquals(401, http.get("/api/user", c).status());
        assertEquals(200, http.get("/api/user", b).status());
    }

    // POST /api/password-reset, POST /api/password-reset/confirm

    @Test
    void resetRequestsGetTheSame202WhetherOrNotTheEmailExists() {
        String name = name();
        http.register(name, PASSWORD);
        long before = http.outboxCount();
        Response known = http.post("/api/password-reset", "{\"email\":\"" + name + "@example.com\"}", null);
        Response unknown = http.post("/api/password-reset", "{\"email\":\"ghost-" + name + "@example.com\"}", null);
        assertEquals(202, known.status());
        assertEquals(202, unknown.status());
        assertEquals(known.body(), unknown.body());
        // Mail goes out off the request thread: wait for the known address's message, then count.
        http.tokenFromOutbox(name + "@example.com");
        assertEquals(before + 1, http.outboxCount(), "one mail, for the known address only");
        assertEquals(400, http.post("/api/password-reset", "{\"email\":\"not-an-email\"}", null).status());
        assertEquals(400, http.post("/api/password-reset", "{}", null).status());
    }

    @Test
    void resetRequestsForOneEmailAreLimited() {
        String email = "flood-" + name() + "@example.com";
        for (int i = 0; i < 3; i++) {
            assertEquals(202, http.post("/api/password-reset", "{\"email\":\"" + email + "\"}", null).status());
        }
        Response limited = http.post("/api/password-reset", "{\"email\":\"" + email + "\"}", null);
        assertEquals(429, limited.status());
        assertTrue(limited.header("Retry-After").isPresent());
    }

    @Test
    void confirmingAResetEndsEverySessionAndRejectsBadTokensAndWeakPasswords() {
        String name = name();
        String sid = http.registeredAndLoggedIn(name, PASSWORD);
        http.post("/api/password-reset", "{\"email\":\"" + name + "@example.com\"}", null);
        String token = http.tokenFromOutbox(name + "@example.com");

        Response missing = http.post("/api/password-reset/confirm", "{\"token\":\"" + token + "\"}", null);
        assertEquals(400, missing.status());
        Response weak = http.post("/api/password-reset/confirm", "{\"token\":\"" + token
                + "\",\"newPassword\":\"12345678\"}", null);
        assertEquals(400, weak.status());
        assertTrue(weak.body().contains("\"field\":\"newPassword\""));
        Response garbage = http.post("/api/password-reset/confirm", "{\"token\":\"garbage\",\"newPassword\":\"fine new secret 3\"}", null);
        assertEquals(400, garbage.status());
        assertTrue(garbage.body().contains("\"field\":\"token\""));

        assertEquals(204, http.post("/api/password-reset/confirm", "{\"token\":\"" + token
                + "\",\"newPassword\":\"fine new secret 3\"}", null).status());
        assertEquals(401, http.get("/api/user", sid).status(), "every session ended");
    }

    @Test
    void everyAccountsResponseIsUncachableAndCarriesARequestId() {
        Response r = http.get("/api/user", null);
        assertEquals("no-store", r.header("Cache-Control").orElseThrow());
        assertTrue(r.header("X-Request-Id").isPresent());
        assertEquals("nosniff", r.header("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void theCookieIsSecureWhenConfigured(@TempDir Path otherDir) {
        try (TestServer secure = TestServer.start(otherDir, Map.of("COOKIE_SECURE", "true"))) {
            String name = name();
            secure.register(name, PASSWORD);
            String cookie = secure.login(name, PASSWORD, null).sidCookie().orElseThrow();
            assertTrue(cookie.contains("Secure"), cookie);
        }
    }

    @Test
    void aDeadSessionCookieIsClearedEvenOnARouteThatDoesNotNeedASession() {
        String forged = "A".repeat(43);
        Response products = http.get("/api/products", forged);
        assertEquals(200, products.status());
        assertTrue(products.clearsSid(), "the unknown SID is cleared: " + products.headers().allValues("Set-Cookie"));
        Response missing = http.get("/api/products/999999", forged);
        assertEquals(404, missing.status());
        assertTrue(missing.clearsSid(), "on an error answer too");
    }
}
