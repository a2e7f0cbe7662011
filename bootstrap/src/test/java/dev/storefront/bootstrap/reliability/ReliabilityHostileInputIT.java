package dev.storefront.bootstrap.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.bootstrap.reliability.ApiInventory.Field;
import dev.storefront.bootstrap.reliability.ApiInventory.Operation;
import dev.storefront.bootstrap.reliability.ApiInventory.Param;
import dev.storefront.bootstrap.reliability.Http.Answer;
import dev.storefront.bootstrap.reliability.HostileValues.Generator;
import dev.storefront.bootstrap.reliability.HostileValues.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input at every documented endpoint, read from docs/openapi.yaml: every body field gets the
 * listed hostile values and seeded random ones, every body gets malformed, mistyped, oversized
 * and non-UTF-8 variants, every path and query parameter gets negative, zero, huge, non-numeric
 * and traversal values. Every answer must be a clean 4xx problem (a few endpoints may also accept
 * a value that is really valid: say which), and the database must be unchanged afterwards.
 *
 * <p>Each base request is built so that changing one field alone can never make it succeed (two
 * independent reasons to refuse it: a taken username and a taken email, an unknown product and a
 * zero quantity, …), so "unchanged" is a real promise and not luck. The random part is seeded:
 * {@code -Dreliability.seed=N} replays a run; the seed is in every finding.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityHostileInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GENERATED_PER_FIELD = 30;
    private static final int MUTATIONS_PER_BODY = 40;
    private static final int GENERATED_PER_PARAM = 12;
    private static final String WRONG = "wrong password here";

    @TempDir
    static Path dataDir;

    static Shop shop;
    static long sentAtStart;
    static LogCapture log;
    static ApiInventory api;
    static long seed;
    static Generator random;
    static final Checks checks = new Checks();
    static long generatedCases;
    static long acceptedMutations;

    static String admin;
    static String customer;
    static String victim;
    static String emptyCart;
    static String takenName;
    static long p1;
    static long p2;
    static String p1Sku;
    static long orderId;
    static long victimAddress;
    static String promoCode;

    /** Operations whose body is optional (a CheckoutRequest): an empty body may be answered 2xx. */
    static final Set<String> OPTIONAL_BODY = Set.of("POST /api/checkout", "POST /api/checkout/quote");

    /** What a hostile request to an operation is built on: where, as whom, a base body that must fail. */
    record Target(String path, String sid, String baseBody, Set<Integer> alsoAccepted) {}

    @BeforeAll
    static void start() {
        seed = Long.getLong("reliability.seed", System.nanoTime());
        random = new Generator(seed);
        sentAtStart = Http.SENT.get();
        log = LogCapture.install();
        shop = Shop.start(dataDir);
        api = ApiInventory.load();
        admin = shop.admin();
        customer = shop.customer("buyer");
        victim = shop.customer("victim");
        emptyCart = shop.customer("empty");
        takenName = Shop.uniqueName("taken");
        shop.register(takenName);
        p1Sku = Shop.uniqueName("SKU-A");
        p1 = shop.product(admin, p1Sku, "12.50", 500);
        p2 = shop.product(admin, Shop.uniqueName("SKU-B"), "3.10", 40);
        // The customer has a placed order and a cart line for p1 (p2 is not in the cart).
        assertEquals(200, shop.http.post("/api/cart/items", "{\"productId\":" + p1 + ",\"quantity\":2}", customer).status());
        Answer order = shop.http.post("/api/checkout", null, customer);
        assertEquals(201, order.status(), order::toString);
        orderId = order.json().path("order").path("id").asLong();
        promoCode = Shop.uniqueName("PROMO").toUpperCase(java.util.Locale.ROOT);
        Answer promo = shop.http.post("/api/admin/promo-codes", "{\"code\":\"" + promoCode
                + "\",\"kind\":\"percent\",\"value\":10,\"usageLimit\":5}", admin);
        assertEquals(201, promo.status(), promo::toString);
        assertEquals(200, shop.http.post("/api/cart/items", "{\"productId\":" + p1 + ",\"quantity\":2}", customer).status());
        // The victim has an address, so that a patch is attacked on a real one.
        Answer address = shop.http.post("/api/user/addresses", ADDRESS, victim);
        assertEquals(201, address.status(), address::toString);
        victimAddress = address.json().path("address").path("id").asLong();
    }

    /** A valid address: each base request below breaks two of its fields, so no one mutation can make it valid. */
    static final String ADDRESS = "{\"name\":\"Vic Tim\",\"line1\":\"1 Main St\",\"line2\":\"\",\"city\":\"Springfield\","
            + "\"region\":\"\",\"postalCode\":\"12345\",\"country\":\"US\",\"phone\":\"\"}";

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
        if (log != null) {
            log.close();
        }
        Checks.report(String.format("hostile-input: seed=%d requests=%d checked=%d generated=%d acceptedMutations=%d 5xx=%d statuses=%s findings=%d",
                seed, Http.SENT.get() - sentAtStart, checks.checked(), generatedCases, acceptedMutations,
                checks.serverErrors(), checks.statuses(),
                checks.findings().size()));
    }

    private static Target target(Operation op) {
        String user = "{\"username\":\"" + takenName + "\",";
        return switch (op.key()) {
            case "POST /api/register" -> new Target(op.path(), null, user + "\"email\":\"" + takenName
                    + "@example.com\",\"password\":\"another fine passphrase 9\"}", Set.of());
            case "POST /api/login" -> new Target(op.path(), null,
                    "{\"login\":\"no-such-user-anywhere\",\"password\":\"" + WRONG + "\"}", Set.of());
            case "PATCH /api/user" -> new Target(op.path(), victim, user + "\"currentPassword\":\"" + WRONG + "\"}", Set.of());
            // A wrong password: whatever the mutation, the account is never deleted.
            case "DELETE /api/user" -> new Target(op.path(), victim, "{\"currentPassword\":\"" + WRONG + "\"}", Set.of());
            case "POST /api/user/password" -> new Target(op.path(), victim,
                    "{\"currentPassword\":\"" + WRONG + "\",\"newPassword\":\"password\"}", Set.of());
            // An unknown address is accepted (202) and changes nothing: that is the enumeration-safe answer.
            case "POST /api/password-reset" -> new Target(op.path(), null, "{\"email\":\"nobody-at-all@example.com\"}",
                    Set.of(202));
            case "POST /api/password-reset/confirm" -> new Target(op.path(), null,
                    "{\"token\":\"not-a-real-token\",\"newPassword\":\"password\"}", Set.of());
            case "POST /api/email-verification/confirm" -> new Target(op.path(), null,
                    "{\"token\":\"not-a-real-token\"}", Set.of());
            case "POST /api/products" -> new Target(op.path(), admin, "{\"sku\":\"" + p1Sku
                    + "\",\"name\":\"\",\"description\":\"d\",\"category\":\"C\",\"price\":\"1.00\",\"stock\":1}", Set.of());
            // {} is a valid patch that changes nothing: 200 is allowed, the snapshot proves nothing changed.
            // p2, not p1: a random mutation that happens to be a valid patch may change it.
            case "PATCH /api/products/{id}" -> new Target("/api/products/" + p2, admin,
                    "{\"name\":\"\",\"stock\":-1}", Set.of(200));
            // Two faults in two fields (a taken code, a zero value): no single mutation makes it valid.
            case "POST /api/admin/promo-codes" -> new Target(op.path(), admin, "{\"code\":\"" + promoCode
                    + "\",\"kind\":\"percent\",\"value\":\"0\",\"minSubtotal\":\"1.00\",\"startsAt\":null,"
                    + "\"endsAt\":null,\"usageLimit\":1,\"usagePerUser\":1,\"active\":true}", Set.of());
            // As for products, {} is a valid patch that changes nothing: 200 is allowed, the snapshot proves it.
            case "PATCH /api/admin/promo-codes/{code}" -> new Target("/api/admin/promo-codes/" + promoCode, admin,
                    "{\"value\":\"0\",\"usageLimit\":0}", Set.of(200));
            case "POST /api/cart/items" -> new Target(op.path(), customer, "{\"productId\":999999,\"quantity\":0}", Set.of());
            case "PUT /api/cart/items/{productId}" -> new Target("/api/cart/items/" + p2, customer,
                    "{\"quantity\":1}", Set.of());
            // The empty cart's owner: whatever the body, a checkout has nothing to place (400), and a body that
            // parses still names an unknown code. The quote writes nothing, so a valid mutation may answer 200.
            case "POST /api/checkout" -> new Target(op.path(), emptyCart, "{\"promoCode\":\"NO-SUCH-CODE\","
                    + "\"addressId\":999999}", Set.of());
            case "POST /api/checkout/quote" -> new Target(op.path(), customer, "{\"promoCode\":\"NO-SUCH-CODE\","
                    + "\"shippingAddress\":{\"name\":\"A\",\"line1\":\"1 St\",\"city\":\"C\",\"postalCode\":\"1\","
                    + "\"country\":\"DE\"}}", Set.of(200));
            case "POST /api/orders/{id}/status" -> new Target("/api/orders/999999/status", admin,
                    "{\"status\":\"PAID\"}", Set.of());
            // No challenge was issued to these sessions, and no field makes an unsigned credential valid.
            case "POST /api/user/passkeys" -> new Target(op.path(), victim, "{\"name\":\"Key\",\"credential\":{\"id\":\"AAAA\","
                    + "\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\","
                    + "\"attestationObject\":\"oA\"}}}", Set.of());
            case "POST /api/login/passkey" -> new Target(op.path(), customer, "{\"credential\":{\"id\":\"AAAA\","
                    + "\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\","
                    + "\"authenticatorData\":\"AAAA\",\"signature\":\"AAAA\",\"userHandle\":\"AAAA\"}}}", Set.of());
            // The second factor: no pending session; the victim has no enrolment and a wrong password.
            case "POST /api/login/mfa" -> new Target(op.path(), null, "{\"code\":\"000000\"}", Set.of());
            case "POST /api/user/mfa/totp" -> new Target(op.path(), victim,
                    "{\"currentPassword\":\"" + WRONG + "\"}", Set.of());
            case "POST /api/user/mfa/totp/confirm" -> new Target(op.path(), victim, "{\"code\":\"000000\"}", Set.of());
            case "POST /api/user/mfa/recovery-codes" -> new Target(op.path(), victim,
                    "{\"currentPassword\":\"" + WRONG + "\",\"code\":\"000000\"}", Set.of());
            case "DELETE /api/user/mfa" -> new Target(op.path(), victim,
                    "{\"currentPassword\":\"" + WRONG + "\",\"code\":\"000000\"}", Set.of());
            // Two invalid fields (an empty name, an unknown country): a mutation of one leaves the other;
            // the 21-address limit is not what refuses it. "default": true must not move anything either.
            case "POST /api/user/addresses" -> new Target(op.path(), victim, ADDRESS.replace("\"Vic Tim\"", "\"\"")
                    .replace("\"US\"", "\"ZZ\"").replace("}", ",\"default\":true}"), Set.of());
            // {} is a valid patch that changes nothing (200); the snapshot proves nothing changed.
            case "PATCH /api/user/addresses/{id}" -> new Target("/api/user/addresses/" + victimAddress, victim,
                    "{\"name\":\"\",\"country\":\"ZZ\",\"default\":true}", Set.of(200));
            // Three or more broken fields each: no single field or byte mutation makes a method or rate valid
            // (a shipping method that became active would change what every later checkout needs).
            case "PUT /api/admin/shipping-methods/{code}" -> new Target("/api/admin/shipping-methods/hostile-probe", admin,
                    "{\"name\":\"\",\"price\":\"-1\",\"freeOver\":\"-1\",\"countries\":[\"XX\"],\"active\":true}",
                    Set.of());
            case "PUT /api/admin/tax-rates" -> new Target(op.path(), admin,
                    "{\"country\":\"XX\",\"region\":\"\\u0001\",\"rate\":\"-1.0001\"}", Set.of());
            default -> null;
        };
    }

    private static List<Operation> bodyOperations() {
        return api.operations().stream().filter(Operation::hasBody).toList();
    }

    @Test
    @Order(1)
    void theInventoryHasEveryDocumentedBodyAndTheSuiteKnowsHowToAttackEachOne() {
        List<String> missing = new ArrayList<>();
        for (Operation op : bodyOperations()) {
            if (target(op) == null) {
                missing.add(op.key());
            }
        }
        assertTrue(missing.isEmpty(), "openapi.yaml documents bodies the hostile suite has no base request for: " + missing);
        assertTrue(bodyOperations().size() >= 11, "expected the documented body operations: " + bodyOperations());
        assertTrue(api.operations().size() >= 25, "expected every documented operation: " + api.operations().size());
        // Each base request must fail on its own: otherwise "nothing changed" would prove nothing.
        for (Operation op : bodyOperations()) {
            Target target = target(op);
            Answer answer = shop.http.call(op.method(), target.path()).sid(target.sid()).json(target.baseBody()).send();
            checks.notServerError(answer, op.key() + " base");
            assertTrue(answer.status() >= 400 || target.alsoAccepted().contains(answer.status()),
                    op.key() + " base must be refused: " + answer);
        }
    }

    @Test
    @Order(2)
    void everyBodyFieldGetsTheListedAndGeneratedHostileValues() {
        int mark = checks.mark();
        for (Operation op : bodyOperations()) {
            Target target = target(op);
            List<String> sids = op.key().equals("POST /api/cart/items") ? java.util.Arrays.asList(customer, null)
                    : java.util.Collections.singletonList(target.sid());
            for (String sid : sids) {
                Map<String, String> before = shop.db.snapshot();
                for (Field field : op.fields().values()) {
                    List<Value> values = new ArrayList<>(HostileValues.listed(field.kind()));
                    for (int i = 0; i < GENERATED_PER_FIELD; i++) {
                        values.add(random.next());
                        generatedCases++;
                    }
                    for (Value value : values) {
                        String body = withField(target.baseBody(), field.name(), value.json());
                        String context = context(op, sid) + " field " + field.name() + " = " + value.label()
                                + " " + abbreviate(value.json());
                        expectRefused(op, target, shop.http.call(op.method(), target.path()).sid(sid).json(body).send(),
                                context, decoded(value.json()));
                    }
                    String without = withField(target.baseBody(), field.name(), null);
                    expectRefused(op, target, shop.http.call(op.method(), target.path()).sid(sid).json(without).send(),
                            context(op, sid) + " without " + field.name());
                }
                checks.unchanged(before, shop.db.snapshot(), context(op, sid) + " field batch");
            }
        }
        checks.assertCleanSince(mark);
    }

    @Test
    @Order(3)
    void everyBodyGetsMalformedMistypedOversizedAndNonUtf8Variants() {
        int mark = checks.mark();
        for (Operation op : bodyOperations()) {
            Target target = target(op);
            Map<String, String> before = shop.db.snapshot();
            String first = op.fields().keySet().iterator().next();
            String base = target.baseBody();
            Map<String, byte[]> bodies = new LinkedHashMap<>();
            bodies.put("duplicate key", ("{" + Http.quote(first) + ":1," + base.substring(1)).getBytes(StandardCharsets.UTF_8));
            bodies.put("duplicate key, same value", withDuplicate(base, first).getBytes(StandardCharsets.UTF_8));
            bodies.put("40-deep field", withField(base, first, "[".repeat(40) + "]".repeat(40)).getBytes(StandardCharsets.UTF_8));
            bodies.put("20000-deep arrays", ("[".repeat(20_000) + "]".repeat(20_000)).getBytes(StandardCharsets.UTF_8));
            bodies.put("20000-deep objects", ("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)).getBytes(StandardCharsets.UTF_8));
            bodies.put("unclosed 30000", "{\"a\":[".repeat(5_000).getBytes(StandardCharsets.UTF_8));
            for (String raw : List.of("C328", "FF", "FEFF", "C0AF", "EDA080", "F4908080", "80", "E282")) {
                bodies.put("non-UTF-8 " + raw, bytesWithRawString(base, first, raw));
            }
            bodies.put("UTF-16 body", base.getBytes(StandardCharsets.UTF_16LE));
            bodies.put("UTF-8 BOM", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, base.getBytes(StandardCharsets.UTF_8)));
            for (String json : List.of("null", "[]", "\"text\"", "42", "true", "{", "}", "{}", base + "x", base + base,
                    "{'a':1}", "{a:1}", "/*c*/" + base, "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":1,}", "[" + base + "]",
                    " ", "\u0000", base.replace(":", " : ").replace("\"", "'"))) {
                bodies.put("malformed " + abbreviate(json), json.getBytes(StandardCharsets.UTF_8));
            }
            bodies.forEach((label, bytes) -> expectRefused(op, target,
                    shop.http.call(op.method(), target.path()).sid(target.sid()).bytes(bytes).send(),
                    context(op, target.sid()) + " body " + label));

            byte[] valid = base.getBytes(StandardCharsets.UTF_8);
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                    "application/xml", "application/json-patch+json", "application/jsonx", "json", "*/*", "",
                    "text/json", "application/javascript")) {
                Answer answer = shop.http.call(op.method(), target.path()).sid(target.sid()).bytes(valid).contentType(type).send();
                checks.problem(answer, context(op, target.sid()) + " content type '" + type + "'");
                checks.check(answer.status() == 415, context(op, target.sid()) + " content type '" + type + "'",
                        "expected 415, got " + answer.status());
            }
            Answer untyped = shop.http.call(op.method(), target.path()).sid(target.sid()).bytes(valid).contentType(null).send();
            checks.problem(untyped, context(op, target.sid()) + " no content type");
            checks.check(untyped.status() == 415, context(op, target.sid()) + " no content type", "expected 415, got " + untyped);
            for (String type : List.of("APPLICATION/JSON", "application/json; charset=utf-8", "application/json;charset=UTF-16",
                    "application/json; foo=bar")) {
                expectRefused(op, target, shop.http.call(op.method(), target.path()).sid(target.sid()).bytes(valid)
                        .contentType(type).send(), context(op, target.sid()) + " content type '" + type + "'");
            }
            Answer empty = shop.http.call(op.method(), target.path()).sid(target.sid()).bytes(new byte[0]).send();
            if (OPTIONAL_BODY.contains(op.key()) && empty.status() < 400) {
                // No body is a request of its own there (the seed-era checkout, a quote without details).
                checks.notServerError(empty, context(op, target.sid()) + " empty body");
            } else {
                checks.problem(empty, context(op, target.sid()) + " empty body");
            }

            byte[] over = paddedTo(base, 65_537);
            byte[] atLimit = paddedTo(base, 65_536);
            for (boolean chunked : List.of(false, true)) {
                Http.Call call = shop.http.call(op.method(), target.path()).sid(target.sid()).bytes(over);
                Answer answer = (chunked ? call.chunked() : call).send();
                checks.problem(answer, context(op, target.sid()) + " body over the limit, chunked=" + chunked);
                checks.check(answer.status() == 413, context(op, target.sid()) + " body over the limit, chunked=" + chunked,
                        "expected 413, got " + answer.status());
                Http.Call limit = shop.http.call(op.method(), target.path()).sid(target.sid()).bytes(atLimit);
                Answer at = (chunked ? limit.chunked() : limit).send();
                expectRefused(op, target, at, context(op, target.sid()) + " body at the limit, chunked=" + chunked);
                checks.check(at.status() != 413, context(op, target.sid()) + " body at the limit", "a body of exactly the limit is 413");
            }
            checks.unchanged(before, shop.db.snapshot(), context(op, target.sid()) + " body batch");
            // Random byte mutations: a mutation that happens to yield a well-formed, valid request may
            // be accepted (it is then no longer hostile); anything else must be a clean 4xx.
            for (int i = 0; i < MUTATIONS_PER_BODY; i++) {
                byte[] mutated = random.mutate(base.getBytes(StandardCharsets.UTF_8));
                generatedCases++;
                Map<String, String> start = shop.db.snapshot();
                Answer answer = shop.http.call(op.method(), target.path()).sid(target.sid()).bytes(mutated).send();
                String context = context(op, target.sid()) + " mutation " + abbreviate(new String(mutated, StandardCharsets.UTF_8));
                if (answer.status() < 300 && isJsonObject(mutated)) {
                    acceptedMutations++;
                    checks.notServerError(answer, context);
                } else {
                    expectRefused(op, target, answer, context);
                    checks.unchanged(start, shop.db.snapshot(), context);
                }
            }
        }
        checks.assertCleanSince(mark);
    }

    @Test
    @Order(4)
    void everyPathParameterGetsNegativeZeroHugeNonNumericAndTraversalValues() {
        int mark = checks.mark();
        Map<String, String> before = shop.db.snapshot();
        for (Operation op : api.operations()) {
            if (op.pathParams().isEmpty()) {
                continue;
            }
            Target target = target(op);
            String sid = op.admin() ? admin : customer;
            List<String> values = new ArrayList<>(HostileValues.PARAMS);
            while (values.size() < HostileValues.PARAMS.size() + GENERATED_PER_PARAM) {
                String value = random.pathValue();
                generatedCases++;
                if (!value.matches("[0-9]+")) {
                    values.add(value);
                }
            }
            for (Param param : op.pathParams()) {
                for (String value : values) {
                    String path = op.path().replace("{" + param.name() + "}", value);
                    if (path.contains("{")) { // another parameter: a real-looking but unknown id
                        path = path.replaceAll("\\{[^}]+}", "999999");
                    }
                    Http.Call call = shop.http.call(op.method(), path).sid(sid);
                    if (target != null) {
                        call.json(target.baseBody());
                    }
                    Answer answer;
                    try {
                        answer = call.send();
                    } catch (IllegalArgumentException notAUri) {
                        continue; // the client refuses to send it at all
                    }
                    String context = op.key() + " " + param.name() + "=" + abbreviate(value);
                    checks.problem(answer, context, value);
                }
            }
        }
        checks.unchanged(before, shop.db.snapshot(), "path parameter batch");
        checks.assertCleanSince(mark);
    }

    @Test
    @Order(5)
    void everyQueryParameterGetsHostileValuesAndDuplicates() {
        int mark = checks.mark();
        Set<String> numeric = Set.of("page", "pageSize", "minPrice", "maxPrice", "sort", "inStock");
        Set<String> plainlyInvalid = Set.of("-1", "abc", "1e3", "0x10", "NaN", "%00", "%C3%28", "%FF%FE", "null");
        Map<String, String> before = shop.db.snapshot();
        for (Operation op : api.operations()) {
            String sid = op.admin() ? admin : customer;
            // Path parameters a real-looking but unknown value: the query parameters are what is attacked here.
            String path = op.path().replaceAll("\\{[^}]+}", "999999");
            for (Param param : op.queryParams()) {
                List<String> values = new ArrayList<>(HostileValues.PARAMS);
                for (int i = 0; i < GENERATED_PER_PARAM; i++) {
                    values.add(random.pathValue());
                    generatedCases++;
                }
                for (String value : values) {
                    String context = op.key() + " ?" + param.name() + "=" + abbreviate(value);
                    Answer answer;
                    try {
                        answer = shop.http.call(op.method(), path + "?" + param.name() + "=" + value).sid(sid).send();
                    } catch (IllegalArgumentException notAUri) {
                        continue;
                    }
                    checks.notServerError(answer, context, value);
                    checks.check(answer.contentType().contains("json"), context, "not JSON: " + answer.contentType());
                    if (numeric.contains(param.name()) && plainlyInvalid.contains(value)) {
                        checks.check(answer.status() == 400, context, "expected 400, got " + answer);
                    }
                }
                Answer twice = shop.http.call(op.method(), path + "?" + param.name() + "=1&" + param.name() + "=2")
                        .sid(sid).send();
                checks.problem(twice, op.key() + " ?" + param.name() + " given twice");
            }
        }
        checks.unchanged(before, shop.db.snapshot(), "query parameter batch");
        checks.assertCleanSince(mark);
    }

    @Test
    @Order(6)
    void hostileHeadersIdempotencyKeysAndCookiesAreRefusedCleanly() {
        int mark = checks.mark();
        Map<String, String> before = shop.db.snapshot();
        for (Operation op : api.operations()) {
            for (Param header : op.headerParams()) {
                for (String value : List.of("", " ", "a".repeat(256), "b".repeat(10_000), "key with space", "caf\u00e9",
                        "\u007f", "%00", "../../x", "\"quoted\"", "a,b", "\u00ff\u00fe")) {
                    // An empty cart: the checkout is refused whatever the key, so nothing can change.
                    Answer answer;
                    try {
                        answer = shop.http.call(op.method(), op.path().replaceAll("\\{[^}]+}", "999999"))
                                .sid(emptyCart).header(header.name(), value).send();
                    } catch (IllegalArgumentException unsendable) {
                        continue;
                    }
                    checks.problem(answer, op.key() + " header " + header.name() + "=" + abbreviate(value), value);
                }
            }
        }
        for (String cookie : List.of("SID=", "SID=" + "x".repeat(5000), "SID=%00", "SID=a;SID=b", "SID=" + customer + "x",
                "SID=\"" + customer + "\"", "SID=../../etc/passwd", "SID=" + "\u00e9", "sid=" + customer, "SID")) {
            for (String path : List.of("/api/user", "/api/cart", "/api/orders", "/api/dashboard", "/api/user/sessions")) {
                Answer answer;
                try {
                    answer = shop.http.call("GET", path).header("Cookie", cookie).send();
                } catch (IllegalArgumentException unsendable) {
                    continue;
                }
                checks.notServerError(answer, path + " Cookie " + abbreviate(cookie), cookie);
                checks.check(!answer.body().contains("\"username\":\"buyer"), path + " Cookie " + abbreviate(cookie),
                        "a mangled cookie reached the customer: " + answer);
            }
        }
        for (String id : List.of("", "short", "x".repeat(65), "a b c d e f", "id\u00e9abcdef", "<script>alert(1)</script>")) {
            Answer answer;
            try {
                answer = shop.http.call("GET", "/api/products").header("X-Request-Id", id).send();
            } catch (IllegalArgumentException unsendable) {
                continue;
            }
            checks.notServerError(answer, "X-Request-Id " + abbreviate(id));
            checks.check(answer.header("X-Request-Id").orElse("").matches("[A-Za-z0-9._-]{8,64}"),
                    "X-Request-Id " + abbreviate(id), "answered an ill-formed request id " + answer.header("X-Request-Id"));
        }
        checks.unchanged(before, shop.db.snapshot(), "header batch");
        checks.assertCleanSince(mark);
    }

    @Test
    @Order(7)
    void theRealDataIsIntactAndTheLogHasNoStackTraceAfterwards() {
        Answer cart = shop.http.get("/api/cart", customer);
        assertEquals(200, cart.status(), cart::toString);
        assertEquals(2, cart.json().path("itemCount").asInt(), cart::toString);
        Answer order = shop.http.get("/api/orders/" + orderId, customer);
        assertEquals(200, order.status(), order::toString);
        assertEquals(200, shop.http.get("/api/user", victim).status(), "the victim's session survives");
        assertEquals(498, shop.http.get("/api/products/" + p1, null).json().path("product").path("stock").asInt(),
                "500 units less the customer's order of 2");
        String text = log.text();
        assertFalse(text.contains("\tat "), "hostile input produced a stack trace in the log:\n" + abbreviate(text, 4000));
        assertEquals(0, checks.serverErrors(), "5xx answers");
    }

    private static void expectRefused(Operation op, Target target, Answer answer, String context, String... sent) {
        if (answer.status() < 400 && target.alsoAccepted().contains(answer.status())) {
            checks.notServerError(answer, context, sent);
        } else {
            checks.problem(answer, context, sent);
        }
    }

    private static String context(Operation op, String sid) {
        String who = sid == null ? "guest" : sid.equals(admin) ? "admin" : "customer";
        return "[seed " + seed + "] " + op.key() + " as " + who;
    }

    /** The base body with {@code field} set to raw JSON {@code value}, or left out when value is null. */
    static String withField(String base, String field, String value) {
        JsonNode node = parse(base);
        StringBuilder body = new StringBuilder("{");
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getKey().equals(field)) {
                entries.add(Http.quote(entry.getKey()) + ":" + entry.getValue());
            } else if (value != null) {
                entries.add(Http.quote(entry.getKey()) + ":" + value);
            }
        }
        if (!node.has(field) && value != null) {
            entries.add(Http.quote(field) + ":" + value);
        }
        return body.append(String.join(",", entries)).append('}').toString();
    }

    private static String withDuplicate(String base, String field) {
        JsonNode node = parse(base);
        String value = node.has(field) ? node.get(field).toString() : "1";
        return "{" + Http.quote(field) + ":" + value + "," + base.substring(1);
    }

    private static byte[] bytesWithRawString(String base, String field, String hex) {
        String marker = "@@RAW@@";
        String body = withField(base, field, "\"a" + marker + "b\"");
        int at = body.indexOf(marker);
        byte[] before = body.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = body.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
        return concat(concat(before, java.util.HexFormat.of().parseHex(hex)), after);
    }

    private static byte[] paddedTo(String base, int size) {
        String head = "{\"padding\":\"";
        String tail = "\"," + base.substring(1);
        int fill = size - head.length() - tail.length();
        return (head + "p".repeat(Math.max(0, fill)) + tail).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static boolean isJsonObject(byte[] bytes) {
        try {
            return JSON.readTree(bytes).isObject();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(json, e);
        }
    }

    /** The text a JSON string literal stands for (so an echo of it is not taken for a leak). */
    private static String decoded(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node.isTextual() ? node.asText() : json;
        } catch (IOException | RuntimeException e) {
            return json;
        }
    }

    static String abbreviate(String text) {
        return abbreviate(text, 60);
    }

    static String abbreviate(String text, int max) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= max ? printable : printable.substring(0, max) + "…(" + text.length() + ")";
    }
}
