package dev.storefront.bootstrap;

import static dev.storefront.bootstrap.TestServer.CHANGE_NOTICE_SUBJECT;
import static dev.storefront.bootstrap.TestServer.VERIFICATION_SUBJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.bootstrap.OrderTestKit.Shopper;
import dev.storefront.domain.catalog.Product;
import dev.storefront.inmemory.ManualTimeSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Email verification rows of api.md and the changed PATCH /api/user, over HTTP against the real server. */
class EmailVerificationIT {
    private static final String PASSWORD = "correct horse battery";
    private static final String PUBLIC_URL = "https://shop.example.com";

    @TempDir
    Path dataDir;
    private final ManualTimeSource clock = new ManualTimeSource();
    private TestServer http;

    private TestServer start(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("PUBLIC_URL", PUBLIC_URL));
        env.putAll(extra);
        http = TestServer.start(dataDir, env, builder -> builder.timeSource(clock));
        return http;
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
    }

    private static String email(String name) {
        return name + "@example.com";
    }

    private String registered(String name) {
        Response registered = http.register(name, PASSWORD);
        assertEquals(201, registered.status(), registered.body());
        return http.awaitNewToken(email(name), VERIFICATION_SUBJECT, Set.of());
    }

    private Response confirm(String token) {
        return http.post("/api/email-verification/confirm", "{\"token\":\"" + token + "\"}", null);
    }

    private Response requestMail(String sid) {
        return http.post("/api/email-verification", null, sid);
    }

    private JsonNode user(String sid) {
        Response me = http.get("/api/user", sid);
        assertEquals(200, me.status(), me.body());
        return me.json().path("user");
    }

    private Response changeEmail(String sid, String email) {
        return http.send("PATCH", "/api/user", "{\"email\":\"" + email + "\",\"currentPassword\":\"" + PASSWORD + "\"}",
                sid);
    }

    private static void assertInvalidToken(Response answer) {
        assertEquals(400, answer.status(), answer.body());
        assertEquals("/problems/validation", answer.json().path("type").asText(), answer.body());
        assertEquals("The verification token is invalid or has expired", answer.json().path("detail").asText());
    }

    @Test
    void registrationMailsALinkAndConfirmingItVerifiesTheAccountOnce() {
        start(Map.of());
        String name = TestServer.uniqueName("verify");
        String token = registered(name);
        String mail = http.mailsInOutbox(email(name), VERIFICATION_SUBJECT).get(0);
        assertTrue(mail.contains("\n" + PUBLIC_URL + "/verify-email?token=" + token + "\n"), mail);
        assertTrue(mail.contains("\ntoken: " + token + "\n"), mail);
        String sid = http.login(name, PASSWORD, null).sid();
        assertFalse(user(sid).path("emailVerified").asBoolean());

        assertEquals(204, confirm(token).status(), "no login needed");
        assertTrue(user(sid).path("emailVerified").asBoolean());
        assertTrue(user(sid).path("pendingEmail").isNull());

        assertInvalidToken(confirm(token)); // used
        Response nothing = requestMail(sid);
        assertEquals(409, nothing.status(), nothing.body());
        assertEquals("/problems/conflict", nothing.json().path("type").asText());
    }

    @Test
    void wrongMalformedSupersededAndExpiredTokensGetTheSame400() {
        start(Map.of());
        String name = TestServer.uniqueName("tokens");
        String first = registered(name);
        String sid = http.login(name, PASSWORD, null).sid();
        Response again = requestMail(sid);
        assertEquals(202, again.status(), again.body());
        String second = http.awaitNewToken(email(name), VERIFICATION_SUBJECT, Set.of(first));

        assertInvalidToken(confirm(first)); // superseded
        assertInvalidToken(confirm("not-a-token"));
        assertInvalidToken(confirm("A".repeat(43))); // well-formed, never issued
        Response missing = http.post("/api/email-verification/confirm", "{}", null);
        assertEquals(400, missing.status());
        assertEquals("token", missing.json().path("errors").path(0).path("field").asText(), missing.body());

        clock.advance(Duration.ofHours(24));
        assertInvalidToken(confirm(second)); // expired
        Response relogin = http.login(name, PASSWORD, null);
        assertFalse(user(relogin.sid()).path("emailVerified").asBoolean(), "nothing was verified");
    }

    @Test
    void aMailRequestNeedsALoginAndMoreThanFiveAnHourAre429() {
        start(Map.of());
        assertEquals(401, requestMail(null).status());
        String name = TestServer.uniqueName("limit");
        Set<String> seen = new HashSet<>(Set.of(registered(name)));
        String sid = http.login(name, PASSWORD, null).sid();
        for (int i = 0; i < 5; i++) {
            assertEquals(202, requestMail(sid).status(), "request " + (i + 1));
        }
        Response sixth = requestMail(sid);
        assertEquals(429, sixth.status(), sixth.body());
        assertTrue(sixth.headers().firstValue("Retry-After").isPresent(), sixth.headers().toString());
        for (int i = 0; i < 5; i++) {
            seen.add(http.awaitNewToken(email(name), VERIFICATION_SUBJECT, seen));
        }
        assertEquals(6, http.tokensInOutbox(email(name), VERIFICATION_SUBJECT).size(), "no mail for the sixth");
        // Of the six links mailed only the newest works: each new one superseded the older.
        List<Integer> statuses = new ArrayList<>();
        for (String token : seen) {
            statuses.add(confirm(token).status());
        }
        statuses.sort(null);
        assertEquals(List.of(204, 400, 400, 400, 400, 400), statuses);
    }

    @Test
    void anEmailChangeWaitsForTheNewAddressTellsTheOldOneAndSwapsOnConfirmation() {
        start(Map.of());
        String name = TestServer.uniqueName("mover");
        String other = TestServer.uniqueName("other");
        assertEquals(204, confirm(registered(name)).status());
        registered(other);
        String sid = http.login(name, PASSWORD, null).sid();
        String newEmail = "new-" + email(name);

        Response taken = changeEmail(sid, email(other));
        assertEquals(409, taken.status(), "another account's email is refused at once");

        // A reset link mailed to the old address before the swap.
        assertEquals(202, http.post("/api/password-reset", "{\"email\":\"" + email(name) + "\"}", null).status());
        String resetToken = http.tokenFromOutbox(email(name));

        Response changed = changeEmail(sid, newEmail.toUpperCase(java.util.Locale.ROOT));
        assertEquals(200, changed.status(), changed.body());
        assertEquals(email(name), changed.json().path("user").path("email").asText(), "the email stays");
        assertEquals(newEmail, changed.json().path("user").path("pendingEmail").asText());
        String token = http.awaitNewToken(newEmail, VERIFICATION_SUBJECT, Set.of());
        String notice = http.awaitMail(email(name), CHANGE_NOTICE_SUBJECT, mail -> true);
        assertTrue(notice.contains(newEmail), notice);
        assertFalse(notice.contains("token"), "the old address gets no token: " + notice);
        assertEquals(401, http.login(newEmail, PASSWORD, null).status(), "login by email uses email only");

        assertEquals(204, confirm(token).status());
        JsonNode swapped = user(sid);
        assertEquals(newEmail, swapped.path("email").asText());
        assertTrue(swapped.path("emailVerified").asBoolean(), "the new address counts as verified");
        assertTrue(swapped.path("pendingEmail").isNull());
        assertEquals(200, http.login(newEmail, PASSWORD, null).status());
        assertEquals(401, http.login(email(name), PASSWORD, null).status());
        Response reset = http.post("/api/password-reset/confirm", "{\"token\":\"" + resetToken
                + "\",\"newPassword\":\"another secret phrase 9\"}", null);
        assertEquals(400, reset.status(), "the reset mailed to the old address died with the swap");
    }

    @Test
    void settingTheCurrentEmailWithdrawsAPendingChangeAndATokenForAnEarlierAddressConfirmsNothing() {
        start(Map.of());
        String name = TestServer.uniqueName("withdraw");
        registered(name);
        String sid = http.login(name, PASSWORD, null).sid();
        assertEquals(200, changeEmail(sid, "first-" + email(name)).status());
        String forFirst = http.awaitNewToken("first-" + email(name), VERIFICATION_SUBJECT, Set.of());
        assertEquals(200, changeEmail(sid, "second-" + email(name)).status());
        assertInvalidToken(confirm(forFirst));

        String forSecond = http.awaitNewToken("second-" + email(name), VERIFICATION_SUBJECT, Set.of());
        Response withdrawn = changeEmail(sid, email(name));
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertTrue(withdrawn.json().path("user").path("pendingEmail").isNull(), withdrawn.body());
        assertInvalidToken(confirm(forSecond));
        assertEquals(email(name), user(sid).path("email").asText());
    }

    @Test
    void anAddressRegisteredMeanwhileIs409AndChangesNothing() {
        start(Map.of());
        String name = TestServer.uniqueName("late");
        String wanted = "wanted-" + email(name);
        registered(name);
        String sid = http.login(name, PASSWORD, null).sid();
        assertEquals(200, changeEmail(sid, wanted).status());
        String token = http.awaitNewToken(wanted, VERIFICATION_SUBJECT, Set.of());
        assertEquals(201, http.post("/api/register", "{\"username\":\"" + TestServer.uniqueName("quick")
                + "\",\"email\":\"" + wanted + "\",\"password\":\"" + PASSWORD + "\"}", null).status());

        Response conflict = confirm(token);
        assertEquals(409, conflict.status(), conflict.body());
        assertEquals("/problems/conflict", conflict.json().path("type").asText());
        JsonNode unchanged = user(sid);
        assertEquals(email(name), unchanged.path("email").asText());
        assertEquals(wanted, unchanged.path("pendingEmail").asText());
    }

    @Test
    void twoConcurrentConfirmationsOfOneTokenSucceedExactlyOnce() throws Exception {
        start(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String token = registered(TestServer.uniqueName("race"));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    answers.add(pool.submit(() -> {
                        go.await(5, TimeUnit.SECONDS);
                        return confirm(token).status();
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(30, TimeUnit.SECONDS));
                }
                statuses.sort(null);
                assertEquals(List.of(204, 400), statuses, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withVerifiedEmailsRequiredCheckoutIs403UntilTheEmailIsVerified() {
        start(Map.of("REQUIRE_VERIFIED_EMAIL", "true"));
        OrderTestKit kit = new OrderTestKit(http);
        Shopper shopper = kit.shopper("strict");
        String token = http.awaitNewToken(email(shopper.username()), VERIFICATION_SUBJECT, Set.of());
        Product mug = kit.product("8.50", 5);
        kit.fill(shopper, mug, 2);

        Response refused = kit.checkout(shopper);
        assertEquals(403, refused.status(), refused.body());
        assertEquals("/problems/email-unverified", refused.json().path("type").asText());
        assertEquals(5, kit.stock(mug), "nothing taken");

        assertEquals(204, confirm(token).status());
        Response placed = kit.checkout(shopper);
        assertEquals(201, placed.status(), placed.body());
    }
}
