package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.HttpTestClient.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests with several {@code SID} cookies, or with very many cookies, over real HTTP. */
class SessionCookiesIT {
    private static final String PASSWORD = "correct horse battery";
    private static final String PLANTED = "A".repeat(43);

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

    private static String loggedIn() {
        return http.registeredAndLoggedIn(TestServer.uniqueName("c"), PASSWORD);
    }

    private static Response withCookies(String path, String cookieHeader) {
        return http.send("GET", path, null, null, "Cookie", cookieHeader);
    }

    @Test
    void thePlantedCookieAfterTheLiveOneNeitherFailsNorLogsTheOwnerOut() {
        String sid = loggedIn();

        Response me = withCookies("/api/user", "SID=" + sid + "; SID=" + PLANTED);

        assertEquals(200, me.status(), me.body());
        assertTrue(me.sidCookie().isEmpty(), "the live cookie is left alone: " + me.headers().allValues("Set-Cookie"));
        assertEquals(200, http.get("/api/user", sid).status(), "the session still lives");
    }

    @Test
    void thePlantedCookieBeforeTheLiveOneIsPassedOver() {
        String sid = loggedIn();

        Response me = withCookies("/api/user", "SID=" + PLANTED + "; SID=" + sid);

        assertEquals(200, me.status(), me.body());
        assertTrue(me.sidCookie().isEmpty(), "nothing cleared while a live session was named: "
                + me.headers().allValues("Set-Cookie"));
    }

    @Test
    void logoutWithSeveralCookiesEndsTheLiveSession() {
        String sid = loggedIn();

        assertEquals(200, http.send("POST", "/api/logout", null, null, "Cookie", "SID=" + PLANTED + "; SID=" + sid).status());

        assertEquals(401, http.get("/api/user", sid).status());
    }

    @Test
    void severalCookiesNoneLiveAre401AndCleared() {
        Response me = withCookies("/api/user", "SID=" + PLANTED + "; SID=" + "B".repeat(43) + "; SID=junk");

        assertEquals(401, me.status());
        assertTrue(me.clearsSid(), me.headers().allValues("Set-Cookie").toString());
    }

    /**
     * Only the first few well-formed values are looked up (each may cost a read): five planted ones
     * before the live one make the request anonymous, but must not clear the owner's cookie, nor
     * replace it with a guest session's.
     */
    @Test
    void morePlantedCookiesThanAreLookedUpNeitherClearNorReplaceTheOwnersCookie() {
        String sid = loggedIn();
        String planted = IntStream.range(0, 5).mapToObj(i -> "SID=" + Character.toString('A' + i).repeat(43))
                .collect(Collectors.joining("; "));

        Response me = withCookies("/api/user", planted + "; SID=" + sid);
        Response cartAdd = http.send("POST", "/api/cart/items", "{\"productId\":1}", null, "Cookie", planted + "; SID=" + sid);

        assertEquals(401, me.status(), me.body());
        assertTrue(me.sidCookie().isEmpty(), "a cookie that was not looked at is not cleared: "
                + me.headers().allValues("Set-Cookie"));
        assertEquals(400, cartAdd.status(), cartAdd.body());
        assertTrue(cartAdd.sidCookie().isEmpty(), "no guest cookie over the owner's: " + cartAdd.headers().allValues("Set-Cookie"));
        assertEquals(200, http.get("/api/user", sid).status(), "the session still lives");
    }

    /** Undertow's own cookie parser throws UT000046 past 200 cookies: a logged 500 on every route. */
    @Test
    void aRequestWithThousandsOfCookiesIsServedAndLogsNothing() {
        String sid = loggedIn();
        String many = IntStream.range(0, 1000).mapToObj(i -> "c" + i + "=v").collect(Collectors.joining("; "));
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            Response health = withCookies("/health", many);
            Response me = withCookies("/api/user", many + "; SID=" + sid);
            Response anonymous = withCookies("/api/user", many);

            assertEquals(200, health.status(), health.body());
            assertEquals(200, me.status(), me.body());
            assertEquals(401, anonymous.status(), anonymous.body());
            assertFalse(anonymous.clearsSid(), "no SID was sent, so none is cleared");
        } finally {
            root.removeHandler(capture);
        }
        assertEquals(List.of(), records.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
    }
}
