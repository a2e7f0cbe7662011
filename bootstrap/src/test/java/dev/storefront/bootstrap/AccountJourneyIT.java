package dev.storefront.bootstrap;

import static dev.storefront.bootstrap.TestServer.CHANGE_NOTICE_SUBJECT;
import static dev.storefront.bootstrap.TestServer.VERIFICATION_SUBJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.inmemory.ManualTimeSource;
import dev.storefront.security.SoftwareAuthenticator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk through a complete account over real HTTP against the real server, on either
 * engine: register → verification mail from the outbox → confirm → email change (the old address
 * told without a token, the new one pending) → confirm → enrol TOTP (codes computed here) → log
 * out → password + TOTP → the same code refused → recovery-code login → passkey registered with a
 * software authenticator → passkey login → export → delete → the same username and email again.
 * The server runs on a manual clock, so the TOTP steps are the test's to choose.
 */
class AccountJourneyIT {
    private static final String PASSWORD = "journey secret phrase 1";
    private static final String ORIGIN = "http://localhost:5005";

    @TempDir
    Path dataDir;

    private final ManualTimeSource clock = new ManualTimeSource(
            Instant.ofEpochSecond(Instant.now().getEpochSecond() / 30 * 30 + 5)); // 5 s into a step

    private long step() {
        return clock.now().getEpochSecond() / 30;
    }

    private static String json(String... pairs) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            json.append(i == 0 ? "" : ",").append('"').append(pairs[i]).append("\":\"").append(pairs[i + 1]).append('"');
        }
        return json.append('}').toString();
    }

    private static String field(Response r, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(r.body());
        assertTrue(m.find(), regex + " in " + r.body());
        return m.group(1);
    }

    @Test
    void walksFromRegistrationThroughEverySecondFactorToDeletionAndBack() throws Exception {
        try (TestServer http = TestServer.start(dataDir, Map.of("PUBLIC_URL", ORIGIN), b -> b.timeSource(clock))) {
            String name = TestServer.uniqueName("journey");
            String email = name + "@example.com";
            String newEmail = name + ".new@example.com";

            // register → the verification mail → confirm (no login needed)
            Response registered = http.register(name, PASSWORD);
            assertEquals(201, registered.status(), registered.body());
            assertFalse(registered.json().path("user").path("emailVerified").asBoolean());
            long userId = registered.json().path("user").path("id").asLong();
            assertEquals(204, http.post("/api/email-verification/confirm",
                    json("token", http.awaitNewToken(email, VERIFICATION_SUBJECT, Set.of())), null).status());
            String sid = http.login(name, PASSWORD, null).sid();
            assertTrue(user(http, sid).path("emailVerified").asBoolean());

            // email change: the new address pending, a token to it, a notice without one to the old
            Response changed = http.send("PATCH", "/api/user", json("email", newEmail, "currentPassword", PASSWORD), sid);
            assertEquals(200, changed.status(), changed.body());
            assertEquals(email, changed.json().path("user").path("email").asText());
            assertEquals(newEmail, changed.json().path("user").path("pendingEmail").asText());
            String changeToken = http.awaitNewToken(newEmail, VERIFICATION_SUBJECT, Set.of());
            String notice = http.awaitMail(email, CHANGE_NOTICE_SUBJECT, mail -> true);
            assertTrue(notice.contains(newEmail) || notice.contains("change"), notice);
            assertFalse(notice.contains("token:") || notice.contains(changeToken),
                    "the old address is told of the change without a token: " + notice);
            assertEquals(401, http.login(newEmail, PASSWORD, null).status(), "login by email uses the current one");
            assertEquals(204, http.post("/api/email-verification/confirm", json("token", changeToken), null).status());
            JsonNode swapped = user(http, sid);
            assertEquals(newEmail, swapped.path("email").asText());
            assertTrue(swapped.path("pendingEmail").isNull() && swapped.path("emailVerified").asBoolean(), swapped.toString());

            // enrol TOTP; the confirmation uses this step's code and ends every other session
            Response enrolment = http.post("/api/user/mfa/totp", json("currentPassword", PASSWORD), sid);
            assertEquals(200, enrolment.status(), enrolment.body());
            String secret = enrolment.json().path("secret").asText();
            assertTrue(enrolment.json().path("otpauthUri").asText().startsWith("otpauth://totp/"), enrolment.body());
            assertTrue(enrolment.json().path("qrSvg").asText().contains("<svg"), enrolment.body());
            Response confirmed = http.post("/api/user/mfa/totp/confirm", json("code", TotpIT.code(secret, step())), sid);
            assertEquals(200, confirmed.status(), confirmed.body());
            List<String> recoveryCodes = new ArrayList<>();
            confirmed.json().path("recoveryCodes").forEach(code -> recoveryCodes.add(code.asText()));
            assertEquals(10, recoveryCodes.size());
            assertTrue(user(http, sid).path("mfa").path("totp").asBoolean());

            // log out → password + TOTP (the next step: this one was used by the confirmation)
            assertEquals(200, http.post("/api/logout", null, sid).status());
            clock.advance(Duration.ofSeconds(30));
            Response pending = http.login(newEmail, PASSWORD, null);
            assertEquals(200, pending.status(), pending.body());
            assertTrue(pending.json().path("mfaRequired").asBoolean(), pending.body());
            assertEquals(401, http.get("/api/user", pending.sid()).status(), "a pending session grants nothing");
            String code = TotpIT.code(secret, step());
            Response withTotp = http.post("/api/login/mfa", json("code", code), pending.sid());
            assertEquals(200, withTotp.status(), withTotp.body());
            assertNotEquals(pending.sid(), withTotp.sid());
            sid = withTotp.sid();
            assertEquals(name, user(http, sid).path("username").asText());

            // the same code again is refused (replay), even on a fresh pending session
            assertEquals(200, http.post("/api/logout", null, sid).status());
            Response again = http.login(name, PASSWORD, null);
            assertEquals(401, http.post("/api/login/mfa", json("code", code), again.sid()).status(), "replayed code");

            // a recovery code completes it, once
            Response withRecovery = http.post("/api/login/mfa", json("recoveryCode", recoveryCodes.get(0)), again.sid());
            assertEquals(200, withRecovery.status(), withRecovery.body());
            sid = withRecovery.sid();

            // a passkey, registered with a software authenticator, logs in on its own (no TOTP)
            SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "localhost");
            Response options = http.post("/api/user/passkeys/options", null, sid);
            assertEquals(200, options.status(), options.body());
            Response added = http.post("/api/user/passkeys", "{\"name\":\"Laptop\",\"credential\":"
                    + authenticator.register(field(options, "\"challenge\":\"([A-Za-z0-9_-]+)\""),
                    field(options, "\"user\":\\{\"id\":\"([A-Za-z0-9_-]+)\"")) + "}", sid);
            assertEquals(201, added.status(), added.body());
            assertEquals(1, user(http, sid).path("mfa").path("passkeys").asInt());
            assertEquals(200, http.post("/api/logout", null, sid).status());
            Response loginOptions = http.post("/api/login/passkey/options", null, null);
            assertEquals(200, loginOptions.status(), loginOptions.body());
            String guest = loginOptions.sid();
            Response withPasskey = http.post("/api/login/passkey", "{\"credential\":"
                    + authenticator.assertion(field(loginOptions, "\"challenge\":\"([A-Za-z0-9_-]+)\"")) + "}", guest);
            assertEquals(200, withPasskey.status(), withPasskey.body());
            sid = withPasskey.sid();
            assertEquals(name, user(http, sid).path("username").asText());

            // export: everything stored about the caller
            Response export = http.get("/api/user/export", sid);
            assertEquals(200, export.status(), export.body());
            JsonNode data = export.json();
            assertEquals(newEmail, data.path("profile").path("email").asText());
            assertEquals("Laptop", data.path("passkeys").path(0).path("name").asText(), export.body());
            assertTrue(data.path("sessions").size() >= 1, export.body());
            assertFalse(export.body().contains(secret), "the TOTP secret is never exported");
            assertFalse(export.body().contains(recoveryCodes.get(1)), "nor a recovery code");

            // delete with the current password: everything personal erased, the passkey refused
            assertEquals(403, http.send("DELETE", "/api/user", json("currentPassword", "not the password"), sid).status());
            assertEquals(204, http.send("DELETE", "/api/user", json("currentPassword", PASSWORD), sid).status());
            assertEquals(401, http.get("/api/user", sid).status());
            assertEquals(0, rowsOf(http, "passkey", userId) + rowsOf(http, "totp_credential", userId)
                    + rowsOf(http, "recovery_code", userId) + rowsOf(http, "user_session", userId),
                    "passkeys, TOTP, recovery codes and sessions erased");
            Response stale = http.post("/api/login/passkey/options", null, null);
            assertEquals(401, http.post("/api/login/passkey", "{\"credential\":"
                    + authenticator.assertion(field(stale, "\"challenge\":\"([A-Za-z0-9_-]+)\"")) + "}", stale.sid())
                    .status(), "the deleted account's passkey is unknown");

            // the same username and email make a new account, which sees none of the old one
            Response reRegistered = http.post("/api/register", json("username", name, "email", newEmail, "password", PASSWORD), null);
            assertEquals(201, reRegistered.status(), reRegistered.body());
            assertNotEquals(userId, reRegistered.json().path("user").path("id").asLong());
            JsonNode fresh = reRegistered.json().path("user");
            assertFalse(fresh.path("mfa").path("totp").asBoolean());
            assertEquals(0, fresh.path("mfa").path("passkeys").asInt());
            assertEquals(200, http.login(name, PASSWORD, null).status(), "no second factor asked of the new account");
        }
    }

    private static JsonNode user(TestServer http, String sid) {
        Response r = http.get("/api/user", sid);
        assertEquals(200, r.status(), r.body());
        return r.json().path("user");
    }

    /** How many rows of {@code table} belong to the user, read straight from the server's database. */
    private static long rowsOf(TestServer http, String table, long userId) throws SQLException {
        Map<String, String> env = TestServer.databaseEnvironment(http.dataDir);
        String url = env.getOrDefault("DATABASE_URL", "jdbc:sqlite:" + http.dataDir.resolve("storefront.db"));
        try (Connection connection = DriverManager.getConnection(url, env.get("DATABASE_USER"), null);
             PreparedStatement count = connection.prepareStatement(switch (table) {
                 case "passkey" -> "SELECT count(*) FROM passkey WHERE user_id = ?";
                 case "totp_credential" -> "SELECT count(*) FROM totp_credential WHERE user_id = ?";
                 case "recovery_code" -> "SELECT count(*) FROM recovery_code WHERE user_id = ?";
                 case "user_session" -> "SELECT count(*) FROM user_session WHERE user_id = ?";
                 default -> throw new IllegalArgumentException(table);
             })) {
            count.setLong(1, userId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
