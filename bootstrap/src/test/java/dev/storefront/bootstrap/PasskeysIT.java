package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.domain.passkey.PasskeyLoginFailed;
import dev.storefront.security.SoftwareAuthenticator;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every row of api.md's Passkeys (WebAuthn) table over real HTTP, with a software authenticator; each failure code. */
class PasskeysIT {
    private static final String PASSWORD = "correct horse battery";
    /** The shop's public address: the relying party the authenticator must claim. */
    private static final String ORIGIN = "http://localhost:5005";
    private static final String RP_ID = "localhost";

    @TempDir
    static Path dataDir;
    private static TestServer http;

    @BeforeAll
    static void start() {
        http = TestServer.start(dataDir, Map.of("PUBLIC_URL", ORIGIN));
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static String field(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        assertTrue(m.find(), regex + " in " + json);
        return m.group(1);
    }

    private static String challenge(Response options) {
        assertEquals(200, options.status(), options.body());
        return field(options.body(), "\"challenge\":\"([A-Za-z0-9_-]+)\"");
    }

    private static Response registrationOptions(String sid) {
        return http.post("/api/user/passkeys/options", null, sid);
    }

    private static Response register(String sid, String credential) {
        return http.post("/api/user/passkeys", "{\"name\":\"Laptop\",\"credential\":" + credential + "}", sid);
    }

    /** A logged-in user with a passkey registered on {@code authenticator}; returns the SID. */
    private static String userWithPasskey(SoftwareAuthenticator authenticator) {
        String sid = http.registeredAndLoggedIn(TestServer.uniqueName("pk"), PASSWORD);
        Response options = registrationOptions(sid);
        String userHandle = field(options.body(), "\"user\":\\{\"id\":\"([A-Za-z0-9_-]+)\"");
        Response added = register(sid, authenticator.register(challenge(options), userHandle));
        assertEquals(201, added.status(), added.body());
        return sid;
    }

    private static Response loginOptions(String sid) {
        return http.post("/api/login/passkey/options", null, sid);
    }

    private static Response logIn(String sid, String credential) {
        return http.post("/api/login/passkey", "{\"credential\":" + credential + "}", sid);
    }

    private static void assertGeneric401(Response r) {
        assertGeneric401(r, "");
    }

    private static void assertGeneric401(Response r, String why) {
        assertEquals(401, r.status(), why + ": " + r.body());
        assertTrue(r.body().contains(PasskeyLoginFailed.MESSAGE), r.body());
    }

    private static SoftwareAuthenticator authenticator() {
        return new SoftwareAuthenticator(ORIGIN, RP_ID);
    }

    // POST /api/user/passkeys/options

    @Test
    void registrationOptionsOfferES256AndRS256AResidentKeyAndAHandleThatIsNotTheId() {
        String sid = http.registeredAndLoggedIn(TestServer.uniqueName("pk"), PASSWORD);
        Response r = registrationOptions(sid);
        assertEquals(200, r.status(), r.body());
        String body = r.body();
        assertTrue(body.startsWith("{\"publicKey\":{\"rp\":{\"id\":\"localhost\",\"name\":\"Storefront\"},\"user\":{\"id\":\""),
                body);
        assertTrue(body.contains("\"pubKeyCredParams\":[{\"type\":\"public-key\",\"alg\":-7},"
                + "{\"type\":\"public-key\",\"alg\":-257}]"), body);
        assertTrue(body.contains("\"authenticatorSelection\":{\"residentKey\":\"required\",\"requireResidentKey\":true,"
                + "\"userVerification\":\"preferred\"}"), body);
        assertTrue(body.contains("\"attestation\":\"none\"") && body.contains("\"timeout\":300000"), body);
        assertTrue(body.contains("\"excludeCredentials\":[]"), body);
        assertEquals(43, challenge(r).length(), "32 bytes");
        String handle = field(body, "\"user\":\\{\"id\":\"([A-Za-z0-9_-]+)\"");
        assertTrue(handle.length() >= 43, "random, not the database id: " + handle);
        assertEquals(handle, field(registrationOptions(sid).body(), "\"user\":\\{\"id\":\"([A-Za-z0-9_-]+)\""), "stable");
        assertNotEquals(challenge(r), challenge(registrationOptions(sid)), "a fresh challenge each time");
    }

    @Test
    void registrationOptionsExcludeTheUsersPasskeys() {
        SoftwareAuthenticator authenticator = authenticator();
        String sid = userWithPasskey(authenticator);
        assertTrue(registrationOptions(sid).body().contains("\"excludeCredentials\":[{\"type\":\"public-key\",\"id\":\""
                + authenticator.credentialId() + "\"}]"));
    }

    @Test
    void registrationNeedsALogin() {
        assertEquals(401, registrationOptions(null).status());
        assertEquals(401, register(null, authenticator().register("A".repeat(43), "aGFuZGxl")).status());
        assertEquals(401, http.get("/api/user/passkeys", null).status());
        assertEquals(401, http.send("DELETE", "/api/user/passkeys/1", null, null).status());
    }

    // POST /api/user/passkeys

    @Test
    void registeringAnswers201AndCountsThePasskeyOnTheUser() {
        SoftwareAuthenticator authenticator = authenticator();
        String sid = http.registeredAndLoggedIn(TestServer.uniqueName("pk"), PASSWORD);
        Response options = registrationOptions(sid);
        Response r = register(sid, authenticator.register(challenge(options), "aGFuZGxl"));
        assertEquals(201, r.status(), r.body());
        assertTrue(r.body().matches("\\{\"passkey\":\\{\"id\":\\d+,\"name\":\"Laptop\",\"createdAt\":\"[0-9T:Z-]+\","
                + "\"lastUsedAt\":null}}"), r.body());
        assertTrue(http.get("/api/user", sid).body().contains("\"mfa\":{\"totp\":false,\"passkeys\":1}"));
    }

    @Test
    void aReusedChallengeIs400() {
        String sid = http.registeredAndLoggedIn(TestServer.uniqueName("pk"), PASSWORD);
        String challenge = challenge(registrationOptions(sid));
        assertEquals(201, register(sid, authenticator().register(challenge, "aGFuZGxl")).status());
        Response again = register(sid, authenticator().register(challenge, "aGFuZGxl"));
        assertEquals(400, again.status(), again.body());
        assertTrue(again.body().contains("ask for new options"), again.body());
        assertTrue(http.get("/api/user", sid).body().contains("\"passkeys\":1"));
    }

    @Test
    void registrationWithoutOptionsOrWithAWrongChallengeOriginOrRpIdIs400AndStoresNothing() {
        String sid = http.registeredAndLoggedIn(TestServer.uniqueName("pk"), PASSWORD);
        Response none = register(sid, authenticator().register("A".repeat(43), "aGFuZGxl"));
        assertEquals(400, none.status(), none.body());
        assertTrue(none.body().contains("\"field\":\"credential\""), none.body());

        Response wrongChallenge = register(sid, authenticator().register(
                challenge(registrationOptions(sid)).replaceFirst("^.", "_"), "aGFuZGxl"));
        assertEquals(400, wrongChallenge.status(), wrongChallenge.body());
        Response wrongOrigin = register(sid, authenticator().origin("https://evil.example")
                .register(challenge(registrationOptions(sid)), "aGFuZGxl"));
        assertEquals(400, wrongOrigin.status());
        assertTrue(wrongOrigin.body().contains("another origin"), wrongOrigin.body());
        Response wrongRpId = register(sid, authenticator().rpId("evil.example")
                .register(challenge(registrationOptions(sid)), "aGFuZGxl"));
        assertEquals(400, wrongRpId.status());
        assertTrue(wrongRpId.body().contains("another relying party"), wrongRpId.body());
        Response badAttestation = register(sid, authenticator().register(challenge(registrationOptions(sid)), "aGFuZGxl")
                .replace("\"attestationObject\":\"o2", "\"attestationObject\":\"o3"));
        assertEquals(400, badAttestation.status(), badAttestation.body());
        assertEquals(400, http.post("/api/user/passkeys", "{\"credential\":\"nope\"}", sid).status());
        assertEquals(400, http.post("/api/user/passkeys", "{}", sid).status());
        Response longName = http.post("/api/user/passkeys", "{\"name\":\"" + "x".repeat(65) + "\",\"credential\":"
                + authenticator().register(challenge(registrationOptions(sid)), "aGFuZGxl") + "}", sid);
        assertEquals(400, longName.status());
        assertTrue(longName.body().contains("\"field\":\"name\""), longName.body());
        assertEquals("{\"items\":[]}", http.get("/api/user/passkeys", sid).body());
    }

    @Test
    void theSameCredentialRegisteredTwiceIs409() {
        SoftwareAuthenticator authenticator = authenticator();
        String sid = userWithPasskey(authenticator);
        Response again = register(sid, authenticator.register(challenge(registrationOptions(sid)), "aGFuZGxl"));
        assertEquals(409, again.status(), again.body());
        String other = http.registeredAndLoggedIn(TestServer.uniqueName("pk"), PASSWORD);
        assertEquals(409, register(other, authenticator.register(challenge(registrationOptions(other)), "aGFuZGxl"))
                .status(), "nor by another user");
    }

    // GET and DELETE /api/user/passkeys

    @Test
    void listsAndDeletesTheCallersPasskeysAndAnotherUsersIs404() {
        String sid = userWithPasskey(authenticator());
        String list = http.get("/api/user/passkeys", sid).body();
        assertTrue(list.matches("\\{\"items\":\\[\\{\"id\":\\d+,\"name\":\"Laptop\",\"createdAt\":\"[^\"]+\","
                + "\"lastUsedAt\":null}]}"), list);
        String id = field(list, "\"id\":(\\d+)");
        String intruder = userWithPasskey(authenticator());
        assertEquals(404, http.send("DELETE", "/api/user/passkeys/" + id, null, intruder).status());
        assertEquals(404, http.send("DELETE", "/api/user/passkeys/abc", null, sid).status());
        assertEquals(404, http.send("DELETE", "/api/user/passkeys/0", null, sid).status());
        assertTrue(http.get("/api/user/passkeys", sid).body().contains("\"id\":" + id));

        assertEquals(204, http.send("DELETE", "/api/user/passkeys/" + id, null, sid).status());
        assertEquals("{\"items\":[]}", http.get("/api/user/passkeys", sid).body());
        assertTrue(http.get("/api/user", sid).body().contains("\"passkeys\":0"));
        assertEquals(404, http.send("DELETE", "/api/user/passkeys/" + id, null, sid).status());
    }

    // POST /api/login/passkey/options and POST /api/login/passkey

    @Test
    void loginOptionsStartAGuestSessionAndAskForADiscoverableCredential() {
        Response r = loginOptions(null);
        assertEquals(200, r.status());
        assertTrue(r.body().matches("\\{\"publicKey\":\\{\"challenge\":\"[A-Za-z0-9_-]{43}\",\"rpId\":\"localhost\","
                + "\"allowCredentials\":\\[],\"userVerification\":\"preferred\",\"timeout\":300000}}"), r.body());
        String guest = r.sid();
        Response again = loginOptions(guest);
        assertEquals(200, again.status());
        assertTrue(again.sidCookie().isEmpty(), "the session it has is reused");
    }

    @Test
    void aPasskeyLoginAnswersTheUserAndANewSessionWithoutTotp() {
        SoftwareAuthenticator authenticator = authenticator();
        String first = userWithPasskey(authenticator);
        Response options = loginOptions(null);
        String guest = options.sid();
        Response r = logIn(guest, authenticator.assertion(challenge(options)));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.body().startsWith("{\"user\":{\"id\":"), r.body());
        String sid = r.sid();
        assertNotEquals(guest, sid);
        assertEquals(200, http.get("/api/user", sid).status());
        assertEquals(401, http.get("/api/user", guest).status(), "the guest session ended");
        assertEquals(200, http.get("/api/user", first).status(), "other sessions stay");
        assertTrue(http.get("/api/user/passkeys", sid).body().matches(".*\"lastUsedAt\":\"[0-9T:Z-]+\".*"));
    }

    @Test
    void aReplayedChallengeIs401() {
        SoftwareAuthenticator authenticator = authenticator();
        userWithPasskey(authenticator);
        Response options = loginOptions(null);
        String guest = options.sid();
        String challenge = challenge(options);
        String assertion = authenticator.assertion(challenge);
        Response first = logIn(guest, assertion);
        assertEquals(200, first.status());
        assertGeneric401(logIn(first.sid(), authenticator.assertion(challenge)));
        assertGeneric401(logIn(guest, assertion));
    }

    @Test
    void aChallengeOfAnotherSessionIs401() {
        SoftwareAuthenticator authenticator = authenticator();
        userWithPasskey(authenticator);
        Response mine = loginOptions(null);
        Response theirs = loginOptions(null);
        assertGeneric401(logIn(mine.sid(), authenticator.assertion(challenge(theirs))));
        assertGeneric401(logIn(null, authenticator.assertion(challenge(theirs))), "no session at all");
        Response stillTheirs = logIn(theirs.sid(), authenticator.assertion(challenge(theirs)));
        assertEquals(200, stillTheirs.status(), "a foreign attempt did not spend their challenge");
    }

    @Test
    void aWrongOriginOrRpIdIs401AndSpendsTheChallenge() {
        SoftwareAuthenticator authenticator = authenticator();
        userWithPasskey(authenticator);
        Response options = loginOptions(null);
        String challenge = challenge(options);
        assertGeneric401(logIn(options.sid(), authenticator.origin("https://phish.example").assertion(challenge)));
        assertGeneric401(logIn(options.sid(), authenticator.origin(ORIGIN).assertion(challenge)), "spent");
        Response next = loginOptions(options.sid());
        assertGeneric401(logIn(options.sid(), authenticator.rpId("phish.example").assertion(challenge(next))));
    }

    @Test
    void anUnknownCredentialAndABadSignatureAre401() {
        userWithPasskey(authenticator());
        Response options = loginOptions(null);
        assertGeneric401(logIn(options.sid(), authenticator().assertion(challenge(options))));

        SoftwareAuthenticator owner = authenticator();
        userWithPasskey(owner);
        SoftwareAuthenticator impostor = authenticator();
        impostor.userHandle("aGFuZGxl");
        Response next = loginOptions(options.sid());
        String forged = impostor.assertion(challenge(next)).replace(impostor.credentialId(), owner.credentialId());
        assertGeneric401(logIn(options.sid(), forged), "signed by another key");
        loginOptions(options.sid());
        assertGeneric401(logIn(options.sid(), "{}"), "not a credential");
        assertEquals(400, http.post("/api/login/passkey", "{}", options.sid()).status(), "no credential: bad input");
    }

    @Test
    void aUserHandleThatIsNotTheCredentialsUserIs401() {
        SoftwareAuthenticator authenticator = authenticator();
        userWithPasskey(authenticator);
        SoftwareAuthenticator other = authenticator();
        String otherSid = userWithPasskey(other);
        assertTrue(otherSid.length() > 0);
        Response options = loginOptions(null);
        authenticator.userHandle(field(registrationOptions(otherSid).body(), "\"user\":\\{\"id\":\"([A-Za-z0-9_-]+)\""));
        assertGeneric401(logIn(options.sid(), authenticator.assertion(challenge(options))));
    }

    @Test
    void aCounterThatWentBackwardsOrStoodStillIs401() {
        SoftwareAuthenticator authenticator = authenticator().counter(10);
        userWithPasskey(authenticator);
        Response options = loginOptions(null);
        assertGeneric401(logIn(options.sid(), authenticator.counter(5).assertion(challenge(options))));
        Response same = loginOptions(options.sid());
        assertGeneric401(logIn(options.sid(), authenticator.counter(10).assertion(challenge(same))));
        Response next = loginOptions(options.sid());
        assertEquals(200, logIn(options.sid(), authenticator.counter(11).assertion(challenge(next))).status());
    }
}
