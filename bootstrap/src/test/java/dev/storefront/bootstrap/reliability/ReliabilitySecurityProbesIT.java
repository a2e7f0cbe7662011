package dev.storefront.bootstrap.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.reliability.ApiInventory.Operation;
import dev.storefront.bootstrap.reliability.Http.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security probes over HTTP against the real server: session fixation, cookie flags, logout
 * replay, CSRF with foreign Origin and Referer, CORS, the admin fence, one user against another,
 * security headers on every answer, enumeration-safe login and reset — and, last, a scan of the
 * whole captured log for every password, session id, reset token and bcrypt hash the probes used.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilitySecurityProbesIT {
    private static final Pattern TOKEN_LINE = Pattern.compile("(?m)^token: ([A-Za-z0-9_-]+)\\r?$");
    private static final String ALLOWED = "http://localhost:3000";
    private static final List<String> FOREIGN = List.of("http://evil.example", "http://localhost:3000.evil.example",
            "http://evil.example:3000", "https://localhost:3000", "http://localhost:30000", "null",
            "http://127.0.0.1.evil.example", "file://", "http://localhost:3000@evil.example",
            "http://evil.example@localhost:3000");

    @TempDir
    static Path dataDir;

    static Shop shop;
    static long sentAtStart;
    static LogCapture log;
    static ApiInventory api;
    static final Checks checks = new Checks();
    /** Every secret this class used or saw: none may appear in the log. */
    static final List<String> secrets = new CopyOnWriteArrayList<>(List.of(Shop.PASSWORD));

    static String admin;
    static long product;
    static long otherProduct;
    static String promoCode;

    @BeforeAll
    static void start() {
        sentAtStart = Http.SENT.get();
        log = LogCapture.install();
        shop = Shop.start(dataDir);
        api = ApiInventory.load();
        admin = keep(shop.admin());
        product = shop.product(admin, Shop.uniqueName("SEC"), "9.99", 1000);
        otherProduct = shop.product(admin, Shop.uniqueName("SEC"), "1.25", 1000);
        promoCode = Shop.uniqueName("SEC").toUpperCase(java.util.Locale.ROOT);
        assertEquals(201, shop.http.post("/api/admin/promo-codes", "{\"code\":\"" + promoCode
                + "\",\"kind\":\"percent\",\"value\":10}", admin).status());
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
        if (log != null) {
            log.close();
        }
        Checks.report(String.format("security-probes: requests=%d checked=%d 5xx=%d statuses=%s secretsScanned=%d logLines=%d",
                Http.SENT.get() - sentAtStart, checks.checked(), checks.serverErrors(), checks.statuses(), secrets.size(),
                log == null ? 0 : log.size()));
    }

    private static String keep(String sid) {
        secrets.add(sid);
        return sid;
    }

    private static String customer() {
        return keep(shop.customer("sec"));
    }

    private static Answer add(String sid, long productId, int quantity) {
        return shop.http.post("/api/cart/items", "{\"productId\":" + productId + ",\"quantity\":" + quantity + "}", sid);
    }

    private static long placeOrder(String sid) {
        assertEquals(200, add(sid, product, 1).status());
        Answer order = shop.http.post("/api/checkout", null, sid);
        assertEquals(201, order.status(), order::toString);
        return order.json().path("order").path("id").asLong();
    }

    @Test
    @Order(1)
    void loginNeverKeepsAPresentedSessionIdGuestOrForged() {
        Answer guestAdd = add(null, product, 1);
        assertEquals(200, guestAdd.status(), guestAdd::toString);
        String guest = keep(guestAdd.sid());
        String name = Shop.uniqueName("fix");
        shop.register(name);
        Answer login = shop.http.post("/api/login", "{\"login\":\"" + name + "\",\"password\":\"" + Shop.PASSWORD + "\"}", guest);
        String user = keep(login.sid());
        assertNotEquals(guest, user, "login must issue a new id");
        Answer replay = shop.http.get("/api/user", guest);
        assertEquals(401, replay.status(), "the guest id died at login: " + replay);
        assertTrue(replay.clearsSid(), "and is cleared");
        assertEquals(1, shop.http.get("/api/cart", user).json().path("itemCount").asInt(), "the cart came along");

        String forged = "A".repeat(43);
        Answer forgedLogin = shop.http.post("/api/login", "{\"login\":\"" + name + "\",\"password\":\"" + Shop.PASSWORD + "\"}", forged);
        String issued = keep(forgedLogin.sid());
        assertNotEquals(forged, issued);
        assertEquals(401, shop.http.get("/api/user", forged).status(), "a planted id never becomes a session");

        Answer changed = shop.http.post("/api/user/password", "{\"currentPassword\":\"" + Shop.PASSWORD
                + "\",\"newPassword\":\"another long passphrase 42\"}", issued);
        secrets.add("another long passphrase 42");
        assertEquals(204, changed.status(), changed::toString);
        String renewed = keep(changed.sid());
        assertNotEquals(issued, renewed, "a password change renews the id");
        assertEquals(401, shop.http.get("/api/user", issued).status());
        assertEquals(401, shop.http.get("/api/user", user).status(), "other sessions end");
        assertEquals(200, shop.http.get("/api/user", renewed).status());
    }

    @Test
    @Order(2)
    void everySessionCookieIsHttpOnlyLaxPathRootAndLongEnough(@TempDir Path secureDir) {
        String name = Shop.uniqueName("cookie");
        shop.register(name);
        Answer login = shop.http.post("/api/login", "{\"login\":\"" + name + "\",\"password\":\"" + Shop.PASSWORD + "\"}", null);
        Answer guest = add(null, product, 1);
        keep(guest.sid());
        String sid = keep(login.sid());
        assertTrue(sid.matches("[A-Za-z0-9_-]{43,}"), "256 bits, base64url: " + sid);
        for (Answer answer : List.of(login, guest, shop.http.post("/api/logout", null, sid), shop.http.get("/api/user", sid))) {
            String cookie = answer.sidCookie().orElseThrow(() -> new AssertionError("no SID cookie: " + answer));
            String flags = cookie.toLowerCase(Locale.ROOT);
            assertTrue(flags.contains("httponly"), cookie);
            assertTrue(flags.contains("samesite=lax"), cookie);
            assertTrue(flags.contains("path=/"), cookie);
            assertFalse(flags.contains("domain="), cookie);
            assertFalse(flags.contains("secure"), "not Secure unless configured: " + cookie);
        }
        try (Shop secure = Shop.start(secureDir, "COOKIE_SECURE", "true")) {
            Answer secureGuest = secure.http.post("/api/cart/items", "{\"productId\":1}", null);
            assertEquals(404, secureGuest.status(), "no products there: " + secureGuest);
            secure.register("securecookie");
            Answer secureLogin = secure.http.post("/api/login", "{\"login\":\"securecookie\",\"password\":\""
                    + Shop.PASSWORD + "\"}", null);
            keep(secureLogin.sid());
            assertTrue(secureLogin.sidCookie().orElseThrow().toLowerCase(Locale.ROOT).contains("secure"),
                    secureLogin.sidCookie().orElseThrow());
        }
    }

    @Test
    @Order(3)
    void aLoggedOutSessionIdOpensNothingWhenReplayed() {
        String sid = customer();
        long order = placeOrder(sid);
        assertEquals(200, add(sid, otherProduct, 2).status());
        Answer out = shop.http.post("/api/logout", null, sid);
        assertEquals(200, out.status());
        assertTrue(out.clearsSid(), out::toString);
        Map<String, String> before = shop.db.snapshot();
        for (String path : List.of("/api/user", "/api/dashboard", "/api/user/sessions", "/api/orders", "/api/orders/" + order)) {
            Answer replay = shop.http.get(path, sid);
            checks.problem(replay, "replay GET " + path);
            checks.check(replay.status() == 401, "replay GET " + path, "expected 401, got " + replay);
            checks.check(replay.clearsSid(), "replay GET " + path, "the dead cookie is not cleared: " + replay);
        }
        Answer cart = shop.http.get("/api/cart", sid);
        checks.check(cart.status() == 200 && cart.json().path("itemCount").asInt() == 0, "replay GET /api/cart",
                "the dead session still sees the cart: " + cart);
        for (String[] write : List.of(new String[] {"POST", "/api/checkout"}, new String[] {"DELETE", "/api/user/sessions"},
                new String[] {"POST", "/api/orders/" + order + "/cancel"}, new String[] {"DELETE", "/api/cart"})) {
            Answer replay = shop.http.send(write[0], write[1], null, sid);
            checks.notServerError(replay, "replay " + write[0] + " " + write[1]);
            checks.check(replay.status() == 401 || write[1].equals("/api/cart"), "replay " + write[0] + " " + write[1],
                    "expected 401, got " + replay);
        }
        Answer again = shop.http.post("/api/logout", null, sid);
        checks.check(again.status() == 200, "logout replay", "logout is idempotent: " + again);
        checks.unchanged(before, shop.db.snapshot(), "logout replay");
        checks.assertClean();
    }

    static final String ADDRESS = "{\"name\":\"Vic Tim\",\"line1\":\"1 Main St\",\"city\":\"Springfield\","
            + "\"postalCode\":\"12345\",\"country\":\"US\"}";

    /** A request that would succeed for {@code sid}, on {@code op} (so only CSRF can stop it). */
    private static Http.Call wouldSucceed(Operation op, String sid, long order, String handle) {
        return wouldSucceed(op, sid, order, handle, 999_999);
    }

    /** @param address an address of {@code sid}'s user, for the address-book routes */
    private static Http.Call wouldSucceed(Operation op, String sid, long order, String handle, long address) {
        String path = op.path().replace("{id}", op.path().contains("sessions") ? handle
                : op.path().startsWith("/api/orders") ? Long.toString(order)
                : op.path().startsWith("/api/user/addresses") ? Long.toString(address) : Long.toString(product))
                .replace("{productId}", Long.toString(product))
                .replace("{code}", op.path().startsWith("/api/admin/promo-codes") ? promoCode : "csrf-probe").replace("{country}", "DE");
        String body = switch (op.key()) {
            case "POST /api/register" -> "{\"username\":\"" + Shop.uniqueName("csrf") + "\",\"email\":\""
                    + Shop.uniqueName("csrf") + "@example.com\",\"password\":\"" + Shop.PASSWORD + "\"}";
            case "POST /api/login" -> "{\"login\":\"nobody-here\",\"password\":\"" + Shop.PASSWORD + "\"}";
            case "PATCH /api/user" -> "{\"email\":\"" + Shop.uniqueName("csrf") + "@example.com\",\"currentPassword\":\""
                    + Shop.PASSWORD + "\"}";
            case "POST /api/user/password" -> "{\"currentPassword\":\"" + Shop.PASSWORD
                    + "\",\"newPassword\":\"csrf chose this passphrase\"}";
            case "POST /api/password-reset" -> "{\"email\":\"someone@example.com\"}";
            case "POST /api/password-reset/confirm" -> "{\"token\":\"x\",\"newPassword\":\"csrf chose this passphrase\"}";
            case "POST /api/email-verification/confirm" -> "{\"token\":\"x\"}";
            case "POST /api/products" -> "{\"sku\":\"" + Shop.uniqueName("CSRF") + "\",\"name\":\"n\",\"category\":\"c\","
                    + "\"price\":\"1.00\",\"stock\":1}";
            case "PATCH /api/products/{id}" -> "{\"stock\":1}";
            case "POST /api/cart/items" -> "{\"productId\":" + otherProduct + ",\"quantity\":1}";
            case "PUT /api/cart/items/{productId}" -> "{\"quantity\":5}";
            case "POST /api/orders/{id}/status" -> "{\"status\":\"PAID\"}";
            case "POST /api/user/addresses" -> ADDRESS;
            case "PATCH /api/user/addresses/{id}" -> "{\"city\":\"Csrfville\",\"default\":true}";
            case "PUT /api/admin/shipping-methods/{code}" -> "{\"name\":\"CSRF\",\"price\":\"0.00\",\"active\":false}";
            case "PUT /api/admin/tax-rates" -> "{\"country\":\"DE\",\"rate\":\"0\"}";
            case "POST /api/admin/promo-codes" -> "{\"code\":\"" + Shop.uniqueName("CSRF") + "\",\"kind\":\"amount\","
                    + "\"value\":\"1.00\"}";
            case "PATCH /api/admin/promo-codes/{code}" -> "{\"active\":false}";
            default -> null;
        };
        Http.Call call = shop.http.call(op.method(), path).sid(sid);
        return body == null ? call : call.json(body);
    }

    @Test
    @Order(4)
    void everyUnsafeRouteRefusesAForeignOriginOrRefererAndChangesNothing() {
        String victim = customer();
        long order = placeOrder(victim);
        assertEquals(200, add(victim, product, 3).status());
        String handle = shop.http.get("/api/user/sessions", victim).json().path("items").get(0).path("id").asText();
        Answer saved = shop.http.post("/api/user/addresses", ADDRESS, victim);
        assertEquals(201, saved.status(), saved::toString);
        long address = saved.json().path("address").path("id").asLong();
        Map<String, String> before = shop.db.snapshot();
        int probes = 0;
        for (Operation op : api.operations()) {
            if (!op.unsafe()) {
                continue;
            }
            String sid = op.admin() ? admin : victim;
            for (String origin : FOREIGN) {
                Answer viaOrigin = wouldSucceed(op, sid, order, handle, address).header("Origin", origin).send();
                checks.problem(viaOrigin, "CSRF " + op.key() + " Origin " + origin);
                checks.check(viaOrigin.status() == 403, "CSRF " + op.key() + " Origin " + origin, "expected 403: " + viaOrigin);
                if (!origin.equals("null")) {
                    Answer viaReferer = wouldSucceed(op, sid, order, handle, address).header("Referer", origin + "/shop/page").send();
                    checks.check(viaReferer.status() == 403, "CSRF " + op.key() + " Referer " + origin, "expected 403: " + viaReferer);
                    checks.problem(viaReferer, "CSRF " + op.key() + " Referer " + origin);
                }
                probes++;
            }
            // An allowed Origin with a foreign Referer is judged by the Origin; the reverse is refused.
            Answer mixed = wouldSucceed(op, sid, order, handle, address).header("Origin", "http://evil.example")
                    .header("Referer", ALLOWED + "/").send();
            checks.check(mixed.status() == 403, "CSRF " + op.key() + " foreign Origin, allowed Referer", "expected 403: " + mixed);
        }
        checks.unchanged(before, shop.db.snapshot(), "CSRF probes");
        assertTrue(probes > 100, "probes: " + probes);
        // The allowed origin and the server's own origin do pass (so the 403s above were CSRF, not something else).
        Answer allowed = add(victim, otherProduct, 1);
        Answer viaAllowed = shop.http.call("POST", "/api/cart/items").sid(victim).header("Origin", ALLOWED)
                .json("{\"productId\":" + otherProduct + ",\"quantity\":1}").send();
        Answer viaOwn = shop.http.call("POST", "/api/cart/items").sid(victim).header("Origin", shop.http.base)
                .json("{\"productId\":" + otherProduct + ",\"quantity\":1}").send();
        assertEquals(List.of(200, 200, 200), List.of(allowed.status(), viaAllowed.status(), viaOwn.status()));
        checks.assertClean();
    }

    @Test
    @Order(5)
    void corsNeverReflectsAnUnlistedOriginAndNeverSendsAStar() {
        String sid = customer();
        for (Operation op : api.operations()) {
            String path = op.path().replaceAll("\\{[^}]+}", "999999");
            for (String origin : FOREIGN) {
                Answer plain = shop.http.call(op.unsafe() ? "OPTIONS" : "GET", path).sid(sid).header("Origin", origin).send();
                checks.check(plain.header("Access-Control-Allow-Origin").isEmpty(), "CORS " + op.key() + " " + origin,
                        "reflected an unlisted origin: " + plain);
                checks.check(plain.header("Access-Control-Allow-Credentials").isEmpty(), "CORS " + op.key() + " " + origin,
                        "credentials for an unlisted origin: " + plain);
                Answer preflight = shop.http.call("OPTIONS", path).header("Origin", origin)
                        .header("Access-Control-Request-Method", op.method()).send();
                checks.problem(preflight, "preflight " + op.key() + " " + origin);
                checks.check(preflight.status() == 403, "preflight " + op.key() + " " + origin, "expected 403: " + preflight);
            }
            Answer allowed = shop.http.call("OPTIONS", path).header("Origin", ALLOWED)
                    .header("Access-Control-Request-Method", op.method()).send();
            checks.check(allowed.status() == 204, "preflight " + op.key() + " allowed", "expected 204: " + allowed);
            checks.check(allowed.header("Access-Control-Allow-Origin").orElse("").equals(ALLOWED), "preflight " + op.key(),
                    "allowed origin not echoed: " + allowed);
            checks.check(allowed.header("Access-Control-Allow-Credentials").orElse("").equals("true"), "preflight " + op.key(),
                    "no credentials for the allowed origin: " + allowed);
            checks.check(allowed.header("Access-Control-Allow-Methods").orElse("").contains(op.method()),
                    "preflight " + op.key(), "method not allowed: " + allowed);
            Answer real = shop.http.call("GET", path).sid(sid).header("Origin", ALLOWED).send();
            checks.check(!real.headers().allValues("Access-Control-Allow-Origin").contains("*"), "CORS " + op.key(),
                    "* sent: " + real);
            checks.check(real.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")), "CORS " + op.key(),
                    "no Vary: Origin: " + real);
        }
        checks.assertClean();
    }

    @Test
    @Order(6)
    void everyAdminRouteIs401ForGuestsAnd403ForCustomers() {
        String customer = customer();
        long order = placeOrder(customer);
        Map<String, String> before = shop.db.snapshot();
        List<String> adminRoutes = new ArrayList<>();
        for (Operation op : api.operations()) {
            if (!op.admin()) {
                continue;
            }
            adminRoutes.add(op.key());
            Answer guest = wouldSucceed(op, null, order, "none").send();
            checks.problem(guest, "admin route " + op.key() + " as guest");
            checks.check(guest.status() == 401, "admin route " + op.key() + " as guest", "expected 401: " + guest);
            Answer asCustomer = wouldSucceed(op, customer, order, "none").send();
            checks.problem(asCustomer, "admin route " + op.key() + " as customer");
            checks.check(asCustomer.status() == 403, "admin route " + op.key() + " as customer", "expected 403: " + asCustomer);
        }
        checks.unchanged(before, shop.db.snapshot(), "admin fence");
        assertTrue(adminRoutes.containsAll(List.of("POST /api/products", "PATCH /api/products/{id}",
                "DELETE /api/products/{id}", "POST /api/orders/{id}/status", "POST /api/admin/promo-codes",
                "GET /api/admin/promo-codes", "GET /api/admin/promo-codes/{code}", "PATCH /api/admin/promo-codes/{code}",
                "DELETE /api/admin/promo-codes/{code}")), adminRoutes.toString());
        // Every route that needs a login is 401 for a guest.
        for (Operation op : api.operations()) {
            if (op.login() && !op.admin()) {
                Answer guest = wouldSucceed(op, null, order, "none").send();
                checks.problem(guest, "login route " + op.key() + " as guest");
                checks.check(guest.status() == 401, "login route " + op.key() + " as guest", "expected 401: " + guest);
            }
        }
        checks.unchanged(before, shop.db.snapshot(), "login fence");
        checks.assertClean();
    }

    @Test
    @Order(7)
    void oneUserNeverReadsOrChangesAnothersCartOrdersOrSessions() {
        String alice = customer();
        String aliceOther = keep(shop.http.post("/api/login", "{\"login\":\"" + shop.http.get("/api/user", alice).json()
                .path("user").path("username").asText() + "\",\"password\":\"" + Shop.PASSWORD + "\"}", null).sid());
        Answer keyed = shop.http.call("POST", "/api/checkout").sid(alice).header("Idempotency-Key", "shared-key-1").send();
        assertEquals(400, keyed.status(), "empty cart first: " + keyed);
        assertEquals(200, add(alice, product, 1).status());
        Answer aliceOrder = shop.http.call("POST", "/api/checkout").sid(alice).header("Idempotency-Key", "shared-key-1").send();
        assertEquals(201, aliceOrder.status(), aliceOrder::toString);
        long order = aliceOrder.json().path("order").path("id").asLong();
        assertEquals(200, add(alice, otherProduct, 4).status());
        List<String> aliceHandles = shop.http.get("/api/user/sessions", alice).json().path("items").findValuesAsText("id");
        assertEquals(2, aliceHandles.size());
        Answer aliceAddress = shop.http.post("/api/user/addresses", ADDRESS, alice);
        assertEquals(201, aliceAddress.status(), aliceAddress::toString);
        long address = aliceAddress.json().path("address").path("id").asLong();

        String bob = customer();
        Map<String, String> before = shop.db.snapshot();
        Answer bobCart = shop.http.get("/api/cart", bob);
        checks.check(bobCart.json().path("itemCount").asInt() == 0, "bob's cart", "bob sees alice's lines: " + bobCart);
        for (String[] probe : List.of(new String[] {"PUT", "/api/cart/items/" + otherProduct, "{\"quantity\":1}"},
                new String[] {"DELETE", "/api/cart/items/" + otherProduct, null},
                new String[] {"GET", "/api/orders/" + order, null},
                new String[] {"POST", "/api/orders/" + order + "/cancel", null},
                new String[] {"DELETE", "/api/user/sessions/" + aliceHandles.get(0), null},
                new String[] {"DELETE", "/api/user/sessions/" + aliceHandles.get(1), null},
                new String[] {"PATCH", "/api/user/addresses/" + address, "{\"name\":\"Bob\",\"default\":true}"},
                new String[] {"DELETE", "/api/user/addresses/" + address, null})) {
            Answer answer = shop.http.send(probe[0], probe[1], probe[2], bob);
            checks.problem(answer, "bob " + probe[0] + " " + probe[1]);
            checks.check(answer.status() == 404, "bob " + probe[0] + " " + probe[1], "expected 404: " + answer);
        }
        Answer bobOrders = shop.http.get("/api/orders", bob);
        checks.check(bobOrders.json().path("total").asInt() == 0, "bob's orders", "bob lists alice's orders: " + bobOrders);
        Answer dashboard = shop.http.get("/api/dashboard", bob);
        checks.check(dashboard.json().path("stats").path("orders").asInt() == 0
                && dashboard.json().path("stats").path("cartItems").asInt() == 0, "bob's dashboard", dashboard.toString());
        checks.check(shop.http.get("/api/user/sessions", bob).json().path("items").size() == 1, "bob's sessions",
                "bob sees other sessions");
        checks.check(shop.http.get("/api/user/addresses", bob).json().path("items").isEmpty(), "bob's addresses",
                "bob sees alice's addresses");
        checks.unchanged(before, shop.db.snapshot(), "cross-user probes");

        // Bob reusing alice's idempotency key gets his own checkout, never alice's order.
        assertEquals(200, add(bob, otherProduct, 1).status());
        Answer bobCheckout = shop.http.call("POST", "/api/checkout").sid(bob).header("Idempotency-Key", "shared-key-1").send();
        assertEquals(201, bobCheckout.status(), bobCheckout::toString);
        assertNotEquals(order, bobCheckout.json().path("order").path("id").asLong());
        assertEquals(200, shop.http.get("/api/user", alice).status());
        assertEquals(200, shop.http.get("/api/user", aliceOther).status());
        assertEquals(4, shop.http.get("/api/cart", alice).json().path("itemCount").asInt());
        assertEquals("PENDING", shop.http.get("/api/orders/" + order, alice).json().path("order").path("status").asText());
        checks.assertClean();
    }

    @Test
    @Order(8)
    void everyAnswerCarriesTheSecurityHeadersErrorsIncluded() {
        String sid = customer();
        List<Answer> answers = new ArrayList<>();
        for (Operation op : api.operations()) {
            String path = op.path().replaceAll("\\{[^}]+}", "999999");
            answers.add(shop.http.call(op.method(), path).send());                              // guest
            answers.add(shop.http.call(op.method(), path).sid(sid).json("{").send());           // malformed
            answers.add(shop.http.call(op.method(), path).sid(sid).json("{}").send());
            answers.add(shop.http.call(op.method(), path).bytes(new byte[70_000]).send());       // 413
            answers.add(shop.http.call(op.method(), path).bytes(new byte[] {1}).contentType("text/plain").send());
            answers.add(shop.http.call("OPTIONS", path).send());
            answers.add(shop.http.call(op.method(), path).header("Origin", "http://evil.example").send());
        }
        answers.add(shop.http.get("/health", null));
        answers.add(shop.http.get("/no/such/path", null));
        answers.add(shop.http.get("/api/nothing-here", sid));
        answers.add(shop.http.call("TRACE", "/api/products").send());
        answers.add(shop.http.call("PATCH", "/api/cart").send());                                  // 405
        answers.add(shop.http.get("/api/products?page=0", null));
        answers.add(shop.http.get("/api/user", "dead-" + "x".repeat(40)));
        Set<Integer> seen = new java.util.TreeSet<>();
        for (Answer answer : answers) {
            seen.add(answer.status());
            checks.notServerError(answer, "headers on " + answer.status());
            checks.check(answer.header("Content-Type").map(t -> t.contains("json")).orElse(answer.status() == 204),
                    "content type on " + answer.status(), "not JSON: " + answer);
        }
        assertTrue(seen.containsAll(List.of(200, 204, 400, 401, 403, 404, 405, 413, 415)), "statuses covered: " + seen);
        checks.assertClean();
    }

    @Test
    @Order(9)
    void loginAndResetAnswerTheSameForKnownAndUnknownAccounts() {
        String name = Shop.uniqueName("enum");
        shop.register(name);
        Answer unknown = shop.http.post("/api/login", "{\"login\":\"" + name + "zz\",\"password\":\"" + Shop.PASSWORD + "x\"}", null);
        Answer wrong = shop.http.post("/api/login", "{\"login\":\"" + name + "\",\"password\":\"" + Shop.PASSWORD + "x\"}", null);
        Answer wrongByEmail = shop.http.post("/api/login", "{\"login\":\"" + name + "@example.com\",\"password\":\""
                + Shop.PASSWORD + "x\"}", null);
        Answer unknownEmail = shop.http.post("/api/login", "{\"login\":\"" + name + "@example.org\",\"password\":\""
                + Shop.PASSWORD + "x\"}", null);
        secrets.add(Shop.PASSWORD + "x");
        for (Answer answer : List.of(wrong, wrongByEmail, unknownEmail)) {
            assertEquals(unknown.status(), answer.status());
            assertEquals(unknown.body(), answer.body(), "byte-identical bodies");
        }
        assertEquals(401, unknown.status());

        Answer known = shop.http.post("/api/password-reset", "{\"email\":\"" + name + "@example.com\"}", null);
        Answer nobody = shop.http.post("/api/password-reset", "{\"email\":\"" + name + "@example.org\"}", null);
        assertEquals(202, known.status(), known::toString);
        assertEquals(known.status(), nobody.status());
        assertEquals(known.body(), nobody.body());
        assertEquals(known.sidCookie(), nobody.sidCookie());

        // Reset tokens: invalid and used get one answer; the token itself is a secret for the log scan.
        String token = tokenFromOutbox(name + "@example.com");
        secrets.add(token);
        String newPassword = "reset passphrase chosen 77";
        secrets.add(newPassword);
        Answer reset = shop.http.post("/api/password-reset/confirm", "{\"token\":\"" + token + "\",\"newPassword\":\""
                + newPassword + "\"}", null);
        assertEquals(204, reset.status(), reset::toString);
        Answer used = shop.http.post("/api/password-reset/confirm", "{\"token\":\"" + token + "\",\"newPassword\":\""
                + newPassword + "\"}", null);
        Answer invalid = shop.http.post("/api/password-reset/confirm", "{\"token\":\"" + "B".repeat(43)
                + "\",\"newPassword\":\"" + newPassword + "\"}", null);
        assertEquals(400, used.status());
        assertEquals(used.body(), invalid.body(), "used and invalid tokens answer alike");
        Answer loggedIn = shop.http.post("/api/login", "{\"login\":\"" + name + "\",\"password\":\"" + newPassword + "\"}", null);
        assertEquals(200, loggedIn.status());
        keep(loggedIn.sid());
    }

    @Test
    @Order(10)
    void aRefusedGuestAddStartsNoSession() {
        long sessions = shop.db.count("SELECT COUNT(*) FROM user_session");
        for (String body : List.of("{\"productId\":999999}", "{\"productId\":" + product + ",\"quantity\":100}",
                "{\"productId\":" + product + ",\"quantity\":0}")) {
            Answer refused = shop.http.post("/api/cart/items", body, null);
            assertTrue(refused.status() >= 400, refused::toString);
            assertTrue(refused.sidCookie().isEmpty() || refused.clearsSid(), "no session cookie on a refusal: " + refused);
        }
        assertEquals(sessions, shop.db.count("SELECT COUNT(*) FROM user_session"));
    }

    @Test
    @Order(100)
    void noPasswordTokenSessionIdOrHashEverReachesTheLog() {
        List<String> scanned = new ArrayList<>(secrets);
        scanned.addAll(shop.db.strings("SELECT password_hash FROM user_account"));
        scanned.addAll(shop.db.strings("SELECT token_hash FROM user_session"));
        scanned.addAll(shop.db.strings("SELECT token_hash FROM password_reset_token"));
        secrets.clear();
        secrets.addAll(scanned);
        // A canary at debug level on a server logger proves the capture would see a leak there too.
        String canary = "canary-" + System.nanoTime();
        System.getLogger("dev.storefront.http.common.RoutingHandler").log(System.Logger.Level.DEBUG, canary);
        String text = log.text();
        assertTrue(text.contains(canary), "the capture misses debug lines");
        assertTrue(text.contains("LOGIN_FAILED") || text.contains("account-event"),
                "the capture sees the audit log: " + text.length() + " chars");
        List<String> leaked = new ArrayList<>();
        for (String secret : scanned) {
            if (secret != null && secret.length() >= 8 && text.contains(secret)) {
                leaked.add(secret.substring(0, 6) + "…");
            }
        }
        assertTrue(leaked.isEmpty(), leaked.size() + " secrets in the log: " + leaked);
        assertFalse(text.contains("$2a$") || text.contains("$2y$") || text.contains("$2b$"), "a bcrypt hash in the log");
        assertFalse(text.contains("SID="), "a cookie in the log");
        assertTrue(scanned.size() > 20, "secrets scanned: " + scanned.size());
    }

    private static String tokenFromOutbox(String email) {
        Path outbox = dataDir.resolve("outbox");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.exists(outbox) ? Files.list(outbox) : Stream.empty()) {
                for (Path mail : files.toList()) {
                    String text = Files.readString(mail);
                    Matcher matcher = TOKEN_LINE.matcher(text);
                    if (text.contains(email) && text.contains("Subject: Reset your Storefront password\n")
                            && matcher.find()) {
                        return matcher.group(1);
                    }
                }
                Thread.sleep(20); // the notifier writes off the request thread; nothing to wait on but the file
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no reset mail for " + email);
    }
}
