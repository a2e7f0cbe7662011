package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.port.in.catalog.CreateProductCommand;
import dev.storefront.inmemory.ManualTimeSource;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every row of api.md's "Second factor" section over real HTTP, each failure code included. The
 * server runs on a manual clock, so the test knows the server's TOTP step exactly (no flake at a
 * 30-second boundary); codes are computed here from the secret with the JDK's HMAC, independently
 * of the production code.
 */
class TotpIT {
    private static final String PASSWORD = "correct horse battery";
    private static final ManualTimeSource CLOCK = new ManualTimeSource(
            Instant.ofEpochSecond(Instant.now().getEpochSecond() / 30 * 30 + 5)); // 5 s into a step

    @TempDir
    static Path dataDir;
    private static TestServer http;

    @BeforeAll
    static void start() {
        http = TestServer.start(dataDir, Map.of(), builder -> builder.timeSource(CLOCK));
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    /** A user logged in, with an enrolment answered but not confirmed. */
    private record Enrolling(String name, String sid, String secret) {}

    /** A user with TOTP on. */
    private record Enabled(String name, String sid, String secret, List<String> recoveryCodes) {}

    private static long step() {
        return CLOCK.now().getEpochSecond() / 30;
    }

    /** RFC 6238 with javax.crypto: HMAC-SHA-1 of the big-endian step, dynamic truncation, 6 digits. */
    static String code(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32Decode(base32Secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0xf;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] base32Decode(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >>> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    private static String body(String... pairs) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            json.append(i == 0 ? "" : ",").append('"').append(pairs[i]).append("\":\"").append(pairs[i + 1]).append('"');
        }
        return json.append('}').toString();
    }

    private static Enrolling enrolling() {
        String name = TestServer.uniqueName("t");
        String sid = http.registeredAndLoggedIn(name, PASSWORD);
        Response r = http.post("/api/user/mfa/totp", body("currentPassword", PASSWORD), sid);
        assertEquals(200, r.status(), r.body());
        return new Enrolling(name, sid, r.json().path("secret").asText());
    }

    private static Enabled enabled() {
        Enrolling e = enrolling();
        Response r = http.post("/api/user/mfa/totp/confirm", body("code", code(e.secret(), step())), e.sid());
        assertEquals(200, r.status(), r.body());
        List<String> codes = new ArrayList<>();
        r.json().path("recoveryCodes").forEach(c -> codes.add(c.asText()));
        return new Enabled(e.name(), e.sid(), e.secret(), codes);
    }

    /** The password step; @return the pending session's SID */
    private static String pending(String name) {
        Response r = http.login(name, PASSWORD, null);
        assertEquals(200, r.status(), r.body());
        assertEquals("{\"mfaRequired\":true,\"methods\":[\"totp\",\"recovery_code\"]}", r.body());
        return r.sid();
    }

    private static Response mfa(String pendingSid, String field, String value) {
        return http.post("/api/login/mfa", body(field, value), pendingSid);
    }

    /** Moves the server's clock to the next step, so codes of earlier steps are used up or stale. */
    private static void nextStep() {
        CLOCK.advance(Duration.ofSeconds(30));
    }

    // POST /api/user/mfa/totp

    @Test
    void enrolmentAnswersTheSecretItsUriAndAnSvgQrCodeOnceAndNeedsThePassword() {
        String name = TestServer.uniqueName("t");
        String sid = http.registeredAndLoggedIn(name, PASSWORD);
        assertEquals(401, http.post("/api/user/mfa/totp", body("currentPassword", PASSWORD), null).status());
        Response missing = http.post("/api/user/mfa/totp", "{}", sid);
        assertEquals(400, missing.status());
        assertEquals(List.of("currentPassword"), missing.errorFields());
        Response wrong = http.post("/api/user/mfa/totp", body("currentPassword", "not the password"), sid);
        assertEquals(403, wrong.status());

        Response r = http.post("/api/user/mfa/totp", body("currentPassword", PASSWORD), sid);
        assertEquals(200, r.status(), r.body());
        String secret = r.json().path("secret").asText();
        assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
        assertEquals("otpauth://totp/Storefront:" + name + "?secret=" + secret
                + "&issuer=Storefront&algorithm=SHA1&digits=6&period=30", r.json().path("otpauthUri").asText());
        String svg = r.json().path("qrSvg").asText();
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.endsWith("</svg>"), svg);
        assertFalse(svg.contains("script") || svg.contains(name) || svg.contains(secret), "only shapes in the markup");
        assertEquals("no-store", r.header("Cache-Control").orElse(""));
        assertFalse(http.get("/api/user", sid).body().contains(secret));
        assertFalse(http.get("/api/user", sid).json().path("user").path("mfa").path("totp").asBoolean());
    }

    @Test
    void aNewEnrolmentReplacesThePendingOneAndAnEnabledOneAnswers409() {
        Enrolling first = enrolling();
        Response again = http.post("/api/user/mfa/totp", body("currentPassword", PASSWORD), first.sid());
        String second = again.json().path("secret").asText();
        assertNotEquals(first.secret(), second);
        assertEquals(400, http.post("/api/user/mfa/totp/confirm", body("code", code(first.secret(), step())),
                first.sid()).status(), "the replaced secret's code");
        assertEquals(200, http.post("/api/user/mfa/totp/confirm", body("code", code(second, step())),
                first.sid()).status());
        assertEquals(409, http.post("/api/user/mfa/totp", body("currentPassword", PASSWORD), first.sid()).status());
    }

    // POST /api/user/mfa/totp/confirm

    @Test
    void confirmationTurnsTotpOnGivesTenRecoveryCodesAndEndsEveryOtherSession() {
        String name = TestServer.uniqueName("t");
        String sid = http.registeredAndLoggedIn(name, PASSWORD);
        String other = http.login(name, PASSWORD, null).sid();
        assertEquals(401, http.post("/api/user/mfa/totp/confirm", body("code", "123456"), null).status());
        assertEquals(409, http.post("/api/user/mfa/totp/confirm", body("code", "123456"), sid).status(),
                "nothing pending");
        String secret = http.post("/api/user/mfa/totp", body("currentPassword", PASSWORD), sid)
                .json().path("secret").asText();
        assertEquals(400, http.post("/api/user/mfa/totp/confirm", "{}", sid).status());
        Response wrong = http.post("/api/user/mfa/totp/confirm", body("code", code(secret, step() + 2)), sid);
        assertEquals(400, wrong.status(), "two steps ahead");
        assertEquals(List.of("code"), wrong.errorFields());

        Response r = http.post("/api/user/mfa/totp/confirm", body("code", code(secret, step())), sid);
        assertEquals(200, r.status(), r.body());
        JsonNode codes = r.json().path("recoveryCodes");
        assertEquals(10, codes.size());
        codes.forEach(c -> assertTrue(c.asText().matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}"), c.asText()));
        assertTrue(http.get("/api/user", sid).json().path("user").path("mfa").path("totp").asBoolean());
        assertEquals(401, http.get("/api/user", other).status(), "the other session ended");
        assertEquals(409, http.post("/api/user/mfa/totp/confirm", body("code", code(secret, step() + 1)), sid).status());
    }

    // POST /api/login (changed) and POST /api/login/mfa

    @Test
    void aPendingSessionReachesNothingButTheSecondStepWhichIssuesANewFullSession() {
        Enabled user = enabled();
        nextStep();
        String pending = pending(user.name());
        assertEquals(401, http.get("/api/user", pending).status());
        assertEquals(401, http.get("/api/dashboard", pending).status());
        assertEquals(401, http.get("/api/user/sessions", pending).status());
        assertEquals(401, http.post("/api/user/mfa/totp", body("currentPassword", PASSWORD), pending).status());
        assertEquals(401, http.post("/api/user/password", body("currentPassword", PASSWORD, "newPassword",
                "another fine phrase"), pending).status());
        assertFalse(http.get("/api/user/sessions", user.sid()).body().contains("\"current\":false"),
                "a pending login is not listed among the user's sessions");

        Response done = mfa(pending, "code", code(user.secret(), step()));
        assertEquals(200, done.status(), done.body());
        assertEquals(user.name(), done.json().path("user").path("username").asText());
        String full = done.sid();
        assertNotEquals(pending, full);
        assertEquals(200, http.get("/api/user", full).status());
        assertEquals(401, mfa(pending, "code", code(user.secret(), step() + 1)).status(), "the pending session ended");
    }

    @Test
    void aUsedCodeIsRefusedEvenWithinItsWindow() {
        Enabled user = enabled();
        nextStep();
        String used = code(user.secret(), step());
        assertEquals(200, mfa(pending(user.name()), "code", used).status());
        assertEquals(401, mfa(pending(user.name()), "code", used).status(), "the same code again");
        assertEquals(401, mfa(pending(user.name()), "code", code(user.secret(), step() - 1)).status(),
                "a step before the used one");
        assertEquals(200, mfa(pending(user.name()), "code", code(user.secret(), step() + 1)).status());
    }

    @Test
    void acceptsOneStepEitherSideAndRefusesTwoStepsOffAndAnotherUsersCode() {
        Enabled user = enabled();
        Enabled other = enabled();
        CLOCK.advance(Duration.ofSeconds(90)); // three steps on: nothing around now is used yet
        assertEquals(401, mfa(pending(user.name()), "code", code(user.secret(), step() - 2)).status());
        assertEquals(401, mfa(pending(user.name()), "code", code(user.secret(), step() + 2)).status());
        assertEquals(401, mfa(pending(user.name()), "code", code(other.secret(), step())).status());
        assertEquals(200, mfa(pending(user.name()), "code", code(user.secret(), step() - 1)).status());
        assertEquals(200, mfa(pending(other.name()), "code", code(other.secret(), step() + 1)).status());
    }

    @Test
    void fiveWrongCodesAnswer429WithRetryAfterEvenForTheRightCode() {
        Enabled user = enabled();
        nextStep();
        String pending = pending(user.name());
        String wrong = code(user.secret(), step()).equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            Response r = mfa(pending, "code", wrong);
            assertEquals(401, r.status(), "attempt " + (i + 1));
            assertEquals("/problems/unauthenticated", r.json().path("type").asText());
        }
        Response throttled = mfa(pending, "code", code(user.secret(), step()));
        assertEquals(429, throttled.status(), throttled.body());
        assertTrue(throttled.header("Retry-After").isPresent());
    }

    @Test
    void noExpiredOrMissingPendingSessionAnswersTheSame401() {
        Enabled user = enabled();
        nextStep();
        Response none = mfa(null, "code", code(user.secret(), step()));
        assertEquals(401, none.status());
        String pending = pending(user.name());
        assertEquals(401, mfa(user.sid(), "code", code(user.secret(), step())).status(), "a full session is no pending one");
        CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));
        Response expired = mfa(pending, "code", code(user.secret(), step()));
        assertEquals(401, expired.status());
        assertEquals(none.json().path("detail").asText(), expired.json().path("detail").asText());
        assertEquals(400, http.post("/api/login/mfa", "{}", pending).status());
        assertEquals(400, http.post("/api/login/mfa", body("code", "1", "recoveryCode", "2"), pending).status());
    }

    @Test
    void ofTwoConcurrentLoginsWithTheSameCodeExactlyOneWins() throws Exception {
        Enabled user = enabled();
        nextStep();
        String code = code(user.secret(), step());
        String first = pending(user.name());
        String second = pending(user.name());
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        for (String sid : List.of(first, second)) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return mfa(sid, "code", code);
            }));
        }
        int won = 0;
        for (CompletableFuture<Response> answer : answers) {
            Response r = answer.get(30, TimeUnit.SECONDS);
            won += r.status() == 200 ? 1 : 0;
            assertTrue(r.status() == 200 || r.status() == 401 || r.status() == 429, r.toString());
        }
        assertEquals(1, won);
    }

    @Test
    void aRecoveryCodeCompletesOneLoginInAnyCaseAndOnlyOnce() {
        Enabled user = enabled();
        String recovery = user.recoveryCodes().get(3);
        Response r = mfa(pending(user.name()), "recoveryCode", recovery.toLowerCase(java.util.Locale.ROOT).replace("-", ""));
        assertEquals(200, r.status(), r.body());
        assertEquals(401, mfa(pending(user.name()), "recoveryCode", recovery).status());
        assertEquals(200, mfa(pending(user.name()), "recoveryCode", user.recoveryCodes().get(4)).status());
    }

    @Test
    void theGuestCartIsHandedOverWhenTheSecondStepCompletes() {
        Product mug = http.server.storefront().catalog().createProduct().createProduct(new CreateProductCommand(
                "TOTP-" + System.nanoTime(), "Mug", "", "Mugs", new BigDecimal("3.00"), 10, null));
        Enabled user = enabled();
        nextStep();
        Response added = http.post("/api/cart/items", "{\"productId\":" + mug.id().value() + ",\"quantity\":2}", null);
        assertEquals(200, added.status(), added.body());
        String guest = added.sid();
        Response login = http.login(user.name(), PASSWORD, guest);
        String pending = login.sid();
        assertEquals(0, http.get("/api/cart", pending).json().path("items").size(), "the pending session holds no cart");
        String full = mfa(pending, "code", code(user.secret(), step())).sid();
        JsonNode items = http.get("/api/cart", full).json().path("items");
        assertEquals(1, items.size(), items.toString());
        assertEquals(2, items.get(0).path("quantity").asInt());
        assertEquals(0, http.get("/api/cart", guest).json().path("items").size(), "the guest session ended");
    }

    // POST /api/user/mfa/recovery-codes

    @Test
    void regeneratingNeedsThePasswordAndACodeAndRetiresTheOldCodes() {
        Enabled user = enabled();
        nextStep();
        String code = code(user.secret(), step());
        assertEquals(401, http.post("/api/user/mfa/recovery-codes", body("currentPassword", PASSWORD, "code", code),
                null).status());
        assertEquals(400, http.post("/api/user/mfa/recovery-codes", body("currentPassword", PASSWORD), user.sid())
                .status());
        assertEquals(403, http.post("/api/user/mfa/recovery-codes", body("currentPassword", "not it", "code", code),
                user.sid()).status());
        assertEquals(400, http.post("/api/user/mfa/recovery-codes", body("currentPassword", PASSWORD, "code",
                code(user.secret(), step() + 2)), user.sid()).status());
        Response r = http.post("/api/user/mfa/recovery-codes", body("currentPassword", PASSWORD, "code", code),
                user.sid());
        assertEquals(200, r.status(), r.body());
        assertEquals(10, r.json().path("recoveryCodes").size());
        assertEquals(401, mfa(pending(user.name()), "recoveryCode", user.recoveryCodes().get(0)).status());
        assertEquals(200, mfa(pending(user.name()), "recoveryCode", r.json().path("recoveryCodes").get(0).asText())
                .status());
    }

    // DELETE /api/user/mfa

    @Test
    void disablingNeedsThePasswordAndASecondFactorAndTheNextLoginIsComplete() {
        Enabled user = enabled();
        nextStep();
        assertEquals(401, http.send("DELETE", "/api/user/mfa", body("currentPassword", PASSWORD, "recoveryCode",
                user.recoveryCodes().get(0)), null).status());
        assertEquals(400, http.send("DELETE", "/api/user/mfa", body("currentPassword", PASSWORD), user.sid()).status());
        assertEquals(403, http.send("DELETE", "/api/user/mfa", body("currentPassword", "not it", "code",
                code(user.secret(), step())), user.sid()).status());
        assertEquals(400, http.send("DELETE", "/api/user/mfa", body("currentPassword", PASSWORD, "code",
                code(user.secret(), step() - 2)), user.sid()).status());
        assertEquals(204, http.send("DELETE", "/api/user/mfa", body("currentPassword", PASSWORD, "code",
                code(user.secret(), step())), user.sid()).status());
        assertFalse(http.get("/api/user", user.sid()).json().path("user").path("mfa").path("totp").asBoolean());
        Response login = http.login(user.name(), PASSWORD, null);
        assertEquals(200, login.status());
        assertEquals(user.name(), login.json().path("user").path("username").asText());
        assertEquals(409, http.send("DELETE", "/api/user/mfa", body("currentPassword", PASSWORD, "recoveryCode",
                user.recoveryCodes().get(0)), user.sid()).status(), "nothing to disable");
    }
}
