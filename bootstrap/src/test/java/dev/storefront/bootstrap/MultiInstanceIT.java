package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.persistence.postgres.PostgresDatabase;
import dev.storefront.testing.postgres.PostgresCluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes on one PostgreSQL database, cold-started together on an empty one, the
 * clients alternating between them: what api.md's "Running on more than one machine" promises,
 * proven across instances. Every status either node answers is collected, and none may be a 5xx.
 * Each wait is bounded; the figures measured are logged in one INFO line at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceIT {
    private static final System.Logger LOG = System.getLogger(MultiInstanceIT.class.getName());
    private static final String PASSWORD = "correct horse battery";
    private static final Pattern LISTENING = Pattern.compile("Storefront listening on http://[^:]+:(\\d+)");
    private static final Pattern SWEEP_RAN = Pattern.compile("sweep round (\\S+) ran, claimed at (\\d+)");
    private static final long SWEEP_INTERVAL_MILLIS = 400;
    private static final int UNITS = 10;
    private static final long START_SECONDS = 60;
    /** The demo catalog creates active shipping methods: a checkout names an address and one of them. */
    private static final String SHIPPED = "{\"shippingAddress\":{\"name\":\"Node Tester\",\"line1\":\"1 Cluster Way\","
            + "\"city\":\"Dublin\",\"postalCode\":\"D01 F5P2\",\"country\":\"IE\"},\"shippingMethod\":\"standard\"}";
    private static final int PROMO_BUYERS = 40;
    private static final int PROMO_LIMIT = 10;

    @TempDir
    static Path dir;
    private String url;
    private String database;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, Object> figures = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicInteger names = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(48);
    private String adminSid;

    /** One server process, its log and the port it logged. */
    private final class Node {
        final String name;
        final Process process;
        final Path log;
        final Path outbox;
        HttpTestClient http;

        Node(String name, Process process, Path log, Path outbox) {
            this.name = name;
            this.process = process;
            this.log = log;
            this.outbox = outbox;
        }

        String log() {
            try {
                return Files.exists(log) ? Files.readString(log) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A request, its status counted with every other one. */
        Response send(String method, String path, String json, String sid, String... headers) {
            Response response = http.send(method, path, json, sid, headers);
            statuses.computeIfAbsent(response.status(), status -> new LongAdder()).increment();
            return response;
        }
    }

    private Node a() {
        return nodes.get(0);
    }

    private Node b() {
        return nodes.get(1);
    }

    @BeforeAll
    void startTwoNodesTogetherOnAnEmptyDatabase() throws Exception {
        assumeFalse(PostgresCluster.optedOut(), "PostgreSQL suites opted out with -Dstorefront.postgres=skip");
        url = PostgresCluster.shared().createDatabase();
        database = url.substring(url.lastIndexOf('/') + 1);
        Path logging = dir.resolve("logging.properties");
        Files.writeString(logging, String.join("\n",
                "handlers=java.util.logging.ConsoleHandler",
                "java.util.logging.ConsoleHandler.level=ALL",
                "java.util.logging.SimpleFormatter.format=%1$tT.%1$tL %4$s %3$s %5$s%6$s%n",
                ".level=INFO",
                Sweeps.class.getName() + ".level=FINE", ""));
        List<Process> started = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            Path log = dir.resolve(name + ".log");
            Path outbox = dir.resolve(name + "-outbox");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Djava.util.logging.config.file=" + logging,
                    "-cp", System.getProperty("java.class.path"), MultiInstanceNode.class.getName())
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(key -> key.startsWith("DATABASE_") || key.equals("DATA_DIR"));
            environment.putAll(Map.of("DATABASE_URL", url, "DATABASE_USER", PostgresCluster.SUPERUSER,
                    "DATABASE_POOL_SIZE", "8", "PORT", "0", "HOST", "127.0.0.1", "BCRYPT_COST", "4",
                    "DEMO_CATALOG", "true", "REGISTRATIONS_PER_HOUR", "10000", "MAIL_OUTBOX", outbox.toString(),
                    "SWEEP_INTERVAL", "PT" + SWEEP_INTERVAL_MILLIS / 1000.0 + "S"));
            nodes.add(new Node(name, builder.start(), log, outbox));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        for (Node node : nodes) {
            while (node.http == null) {
                Matcher listening = LISTENING.matcher(node.log());
                if (listening.find()) {
                    node.http = new HttpTestClient(Integer.parseInt(listening.group(1)));
                } else if (!node.process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("node " + node.name + " did not start: " + node.log());
                } else {
                    Thread.sleep(25); // the port exists only in the log line
                }
            }
        }
        String admin = register(a());
        sql("UPDATE user_account SET role = 'ADMIN' WHERE username = '" + admin + "'");
        adminSid = login(b(), admin);
    }

    @AfterAll
    void stopNodes() throws InterruptedException {
        pool.shutdownNow();
        for (Node node : nodes) {
            node.process.destroy();
        }
        for (Node node : nodes) {
            if (!node.process.waitFor(30, TimeUnit.SECONDS)) {
                node.process.destroyForcibly();
            }
        }
        LOG.log(System.Logger.Level.INFO, "two instances on one PostgreSQL: {0}; statuses seen: {1}", figures,
                new TreeMap<>(statuses));
    }

    @Test
    @Order(1)
    void theColdStartAppliedOneSchemaAndLoadedTheDemoCatalogOnce() throws IOException {
        String[] versions = sql("SELECT count(*), count(DISTINCT version), max(version) FROM schema_version").split("\\|");
        assertEquals(versions[0], versions[1], "each script applied once");
        // Against the scripts shipped, not the newest number: versions may skip numbers.
        assertEquals(String.valueOf(PostgresDatabase.SCRIPTS.size()), versions[0],
                "every script, once: " + String.join(",", versions));
        int demoProducts;
        try (InputStream demo = getClass().getResourceAsStream("/dev/storefront/bootstrap/server/demo-catalog.json")) {
            demoProducts = new ObjectMapper().readTree(demo).path("products").size();
        }
        assertEquals(36, demoProducts, "the demo catalog shipped");
        assertEquals(String.valueOf(demoProducts), sql("SELECT count(*) FROM product"));
        long loaded = nodes.stream().filter(node -> node.log().contains("loaded the demo catalog")).count();
        assertEquals(1, loaded, "exactly one node loaded the demo catalog");
        for (Node node : nodes) {
            assertFalse(node.log().contains("SEVERE"), node.name + ": " + node.log());
            assertEquals(demoProducts, node.send("GET", "/api/products?pageSize=100", null, null).json()
                    .path("items").size());
        }
        figures.put("schema scripts", Integer.parseInt(versions[0]));
        figures.put("demo products", demoProducts);
    }

    @Test
    @Order(2)
    void ofFourTimesKCheckoutsAcrossBothNodesExactlyKWinAndEveryUnitIsAccountedFor() throws Exception {
        long product = createProduct(UNITS);
        List<String> shoppers = shoppersWith(4 * UNITS, product, 1);
        List<Response> answers = together(shoppers.size(), i -> node(i).send("POST", "/api/checkout", SHIPPED,
                shoppers.get(i)));

        assertEquals(UNITS, answers.stream().filter(r -> r.status() == 201).count(), statusesOf(answers));
        assertEquals(3 * UNITS, answers.stream().filter(r -> r.status() == 409).count(), statusesOf(answers));
        assertEquals("0|" + UNITS, sql("SELECT stock, (SELECT coalesce(sum(quantity), 0) FROM order_item"
                + " WHERE product_id = " + product + ") FROM product WHERE id = " + product));
        assertEquals(String.valueOf(UNITS), sql("SELECT count(DISTINCT order_id) FROM order_item WHERE product_id = "
                + product));
        for (Node node : nodes) {
            assertEquals(0, node.send("GET", "/api/products/" + product, null, null).json().path("product")
                    .path("stock").asInt(), node.name);
        }
        figures.put("stampede", UNITS + " units, " + 4 * UNITS + " checkouts: " + statusesOf(answers));
    }

    @Test
    @Order(3)
    void oneCartCheckedOutOnBothNodesAtOnceGivesAtMostOneOrder() throws Exception {
        long product = createProduct(100);
        String sid = shoppersWith(1, product, 2).get(0);
        List<Response> answers = together(2, i -> node(i).send("POST", "/api/checkout", SHIPPED, sid));

        assertEquals(1, answers.stream().filter(r -> r.status() == 201).count(), statusesOf(answers));
        assertEquals("1|98", sql("SELECT (SELECT count(DISTINCT order_id) FROM order_item WHERE product_id = " + product
                + "), stock FROM product WHERE id = " + product));
        figures.put("one cart on both", statusesOf(answers));
    }

    @Test
    @Order(4)
    void oneIdempotencyKeyOnBothNodesAtOnceGivesOne201AndOne200OfTheSameOrder() throws Exception {
        long product = createProduct(100);
        String sid = shoppersWith(1, product, 1).get(0);
        List<Response> answers = together(2, i -> node(i).send("POST", "/api/checkout", SHIPPED, sid,
                "Idempotency-Key", "multi-instance-key"));

        assertEquals(List.of(200, 201), answers.stream().map(Response::status).sorted().toList(), statusesOf(answers));
        assertEquals(answers.get(0).json().path("order").path("id").asLong(),
                answers.get(1).json().path("order").path("id").asLong(), "the same order");
        assertEquals("99", sql("SELECT stock FROM product WHERE id = " + product));
        figures.put("one Idempotency-Key on both", statusesOf(answers));
    }

    @Test
    @Order(5)
    void anAdminPatchOnOneNodeDuringCheckoutsOnTheOtherNeverWritesBackAStockItReadEarlier() throws Exception {
        int stock = 500;
        long product = createProduct(stock);
        List<String> shoppers = shoppersWith(20, product, 2);
        List<Callable<Response>> work = new ArrayList<>();
        for (String sid : shoppers) {
            work.add(() -> b().send("POST", "/api/checkout", SHIPPED, sid));
        }
        for (int i = 0; i < 10; i++) {
            int edit = i;
            work.add(() -> a().send("PATCH", "/api/products/" + product, "{\"name\":\"Edited " + edit
                    + "\",\"price\":\"" + (10 + edit) + ".00\"}", adminSid));
        }
        List<Response> answers = together(work);

        assertTrue(answers.stream().allMatch(r -> r.status() == 201 || r.status() == 200), statusesOf(answers));
        String sold = sql("SELECT coalesce(sum(quantity), 0) FROM order_item WHERE product_id = " + product);
        assertEquals(String.valueOf(2 * shoppers.size()), sold);
        assertEquals(String.valueOf(stock - 2 * shoppers.size()), sql("SELECT stock FROM product WHERE id = " + product),
                "stock + sold = initial");
        for (Node node : nodes) {
            assertEquals(stock - 2 * shoppers.size(), node.send("GET", "/api/products/" + product, null, null).json()
                    .path("product").path("stock").asInt(), node.name);
        }
        figures.put("admin PATCH during checkouts", "stock " + stock + " -> "
                + sql("SELECT stock FROM product WHERE id = " + product) + ", sold " + sold);
    }

    @Test
    @Order(6)
    void aLogoutOnOneNodeIsHonouredByTheOtherWithin250Milliseconds() {
        long millis = logoutPropagation();
        assertTrue(millis <= 250, millis + " ms");
        figures.put("logout A -> 401 on B, ms", millis);
    }

    @Test
    @Order(7)
    void withTheChangeListenersKilledALogoutIsHonouredByTheOtherWithinASecondAndAHalf() {
        String user = register(a());
        String sid = login(a(), user);
        assertEquals(200, b().send("GET", "/api/user", null, sid).status(), "B has the session cached");
        assertEquals("2", sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE application_name = 'storefront-change-feed' AND datname = '" + database + "'"));
        long millis = untilUnauthorisedOnB(sid);
        assertTrue(millis <= 1_500, millis + " ms");
        figures.put("logout A -> 401 on B with the listeners killed, ms", millis);
        long reconnected = waitFor(10_000, () -> "2".equals(sql("SELECT count(*) FROM pg_stat_activity"
                + " WHERE application_name = 'storefront-change-feed' AND datname = '" + database + "'")));
        figures.put("listeners back, ms", reconnected);
        long after = logoutPropagation();
        assertTrue(after <= 250, "once the listeners are back: " + after + " ms");
        figures.put("logout A -> 401 on B after the reconnect, ms", after);
    }

    @Test
    @Order(8)
    void aCatalogEditOnOneNodeShowsOnTheOtherWithin200Milliseconds() {
        long product = createProduct(5);
        assertEquals(200, b().send("GET", "/api/products/" + product, null, null).status(), "B has it cached");
        assertEquals(200, a().send("PATCH", "/api/products/" + product, "{\"name\":\"Renamed on A\"}", adminSid)
                .status());
        long millis = waitFor(2_000, () -> "Renamed on A".equals(b().send("GET", "/api/products/" + product, null,
                null).json().path("product").path("name").asText()));
        assertTrue(millis <= 200, millis + " ms");
        figures.put("catalog edit A -> B, ms", millis);
    }

    @Test
    @Order(9)
    void theSixthFailedLoginAcrossBothNodesIsThrottled() {
        String user = register(a());
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(node(i).send("POST", "/api/login", "{\"login\":\"" + user + "\",\"password\":\"wrong password\"}",
                    null).status());
        }
        assertEquals(List.of(401, 401, 401, 401, 401, 429), answers);
        figures.put("failed logins alternating A/B", answers);
    }

    @Test
    @Order(10)
    void aResetTokenConfirmedOnBothNodesAtOnceWorksOnce() throws Exception {
        String user = register(a());
        assertEquals(202, a().send("POST", "/api/password-reset", "{\"email\":\"" + user + "@example.com\"}", null)
                .status());
        String[] token = new String[1];
        waitFor(10_000, () -> (token[0] = mailedToken(a())) != null);
        List<Response> answers = together(2, i -> node(i).send("POST", "/api/password-reset/confirm",
                "{\"token\":\"" + token[0] + "\",\"newPassword\":\"" + "another good passphrase " + i + "\"}", null));

        assertEquals(List.of(204, 400), answers.stream().map(Response::status).sorted().toList(), statusesOf(answers));
        figures.put("one reset token on both", statusesOf(answers));
    }

    @Test
    @Order(11)
    void eachSweepRoundRanOnceAnIntervalForTheWholeCluster() {
        Map<String, List<Long>> claims = new TreeMap<>();
        long skipped = 0;
        for (Node node : nodes) {
            String log = node.log();
            Matcher ran = SWEEP_RAN.matcher(log);
            while (ran.find()) {
                claims.computeIfAbsent(ran.group(1), round -> new ArrayList<>()).add(Long.parseLong(ran.group(2)));
            }
            skipped += Pattern.compile("sweep round \\S+ skipped").matcher(log).results().count();
        }
        assertEquals(List.of("catalog-imports", "idempotency-keys", "sessions", "shared-limits"),
                List.copyOf(claims.keySet()));
        for (Map.Entry<String, List<Long>> round : claims.entrySet()) {
            List<Long> times = round.getValue().stream().sorted().toList();
            assertTrue(times.size() >= 3, round.toString());
            for (int i = 1; i < times.size(); i++) {
                assertTrue(times.get(i) - times.get(i - 1) >= SWEEP_INTERVAL_MILLIS,
                        round.getKey() + " ran twice within an interval: " + times);
            }
        }
        assertTrue(skipped > 0, "the other node tried too");
        figures.put("sweep rounds run (each)", claims.values().stream().map(List::size).toList());
        figures.put("sweep rounds skipped", skipped);
    }

    @Test
    @Order(12)
    void ofFortyCheckoutsWithACodeLimitedToTenAcrossBothNodesExactlyTenCarryIt() throws Exception {
        String code = "MULTI" + names.incrementAndGet();
        Response created = b().send("POST", "/api/admin/promo-codes", "{\"code\":\"" + code
                + "\",\"kind\":\"percent\",\"value\":\"10\",\"usageLimit\":" + PROMO_LIMIT + "}", adminSid);
        assertEquals(201, created.status(), created.body());
        long product = createProduct(1_000);
        List<String> shoppers = shoppersWith(PROMO_BUYERS, product, 1);
        String body = SHIPPED.substring(0, SHIPPED.length() - 1) + ",\"promoCode\":\"" + code + "\"}";
        long started = System.nanoTime();
        List<Response> answers = together(shoppers.size(), i -> node(i).send("POST", "/api/checkout", body,
                shoppers.get(i)));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        List<Response> placed = answers.stream().filter(r -> r.status() == 201).toList();
        assertEquals(PROMO_LIMIT, placed.size(), statusesOf(answers));
        for (Response order : placed) {
            assertEquals(code, order.json().path("order").path("promoCode").asText(), order.body());
            assertEquals("1.00", order.json().path("order").path("discount").asText(), "10 % of 9.99, half-up");
        }
        List<Response> refused = answers.stream().filter(r -> r.status() != 201).toList();
        assertEquals(PROMO_BUYERS - PROMO_LIMIT, refused.size());
        for (Response answer : refused) {
            assertEquals(400, answer.status(), answer.body());
            assertEquals(List.of("promoCode"), answer.errorFields(), answer.body());
        }
        assertEquals(String.valueOf(PROMO_LIMIT), sql("SELECT times_used FROM promo_code WHERE code = '" + code + "'"));
        assertEquals(PROMO_LIMIT + "|" + PROMO_LIMIT, sql("SELECT (SELECT count(*) FROM promo_code_use WHERE code = '"
                + code + "'), (SELECT count(*) FROM orders WHERE promo_code = '" + code + "')"));
        assertEquals(String.valueOf(1_000 - PROMO_LIMIT), sql("SELECT stock FROM product WHERE id = " + product));
        figures.put("promo stampede", PROMO_LIMIT + " uses, " + PROMO_BUYERS + " checkouts on two nodes: "
                + statusesOf(answers) + " in " + millis + " ms");
    }

    @Test
    @Order(100)
    void noFiveHundredAnywhereAndNoDeadlockInTheServerLog() {
        assertTrue(statuses.keySet().stream().noneMatch(status -> status >= 500), "statuses: " + statuses);
        List<String> deadlocks = PostgresCluster.shared().log().lines()
                .filter(line -> line.contains(database))
                .filter(line -> line.contains("deadlock detected") || line.contains("40P01"))
                .toList();
        assertEquals(List.of(), deadlocks);
        for (Node node : nodes) {
            assertTrue(node.process.isAlive(), node.name);
            assertFalse(node.log().contains("SEVERE"), node.name + ": " + node.log());
        }
    }

    /** Logs a user in on A, lets B cache the session, logs out on A; how long until B answers 401. */
    private long logoutPropagation() {
        String user = register(a());
        String sid = login(a(), user);
        assertEquals(200, b().send("GET", "/api/user", null, sid).status(), "B has the session cached");
        return untilUnauthorisedOnB(sid);
    }

    private long untilUnauthorisedOnB(String sid) {
        assertEquals(200, a().send("POST", "/api/logout", null, sid).status());
        return waitFor(3_000, () -> b().send("GET", "/api/user", null, sid).status() == 401);
    }

    /** Milliseconds until the condition held, polled every 5 ms; fails past {@code boundMillis}. */
    private static long waitFor(long boundMillis, java.util.function.BooleanSupplier condition) {
        long started = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - started > TimeUnit.MILLISECONDS.toNanos(boundMillis)) {
                throw new AssertionError("not within " + boundMillis + " ms");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** Clients alternate: even ones go to A, odd ones to B. */
    private Node node(int client) {
        return nodes.get(client % 2);
    }

    private String register(Node node) {
        String name = "user" + names.incrementAndGet();
        Response registered = node.send("POST", "/api/register", "{\"username\":\"" + name + "\",\"email\":\"" + name
                + "@example.com\",\"password\":\"" + PASSWORD + "\"}", null);
        assertEquals(201, registered.status(), registered.body());
        return name;
    }

    private String login(Node node, String name) {
        Response login = node.send("POST", "/api/login", "{\"login\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}",
                null);
        assertEquals(200, login.status(), login.body());
        return login.sid();
    }

    private long createProduct(int stock) {
        String sku = "MULTI-" + names.incrementAndGet();
        Response created = a().send("POST", "/api/products", "{\"sku\":\"" + sku + "\",\"name\":\"" + sku
                + "\",\"description\":\"\",\"category\":\"Multi\",\"price\":\"9.99\",\"stock\":" + stock + "}", adminSid);
        assertEquals(201, created.status(), created.body());
        return created.json().path("product").path("id").asLong();
    }

    /**
     * Users logged in (alternating nodes) with {@code quantity} of the product in their carts; their
     * sids. Registered one after the other: registrations run in a small lane of their own, and a
     * burst past it is answered 503 by design (a registration flood never delays logins).
     */
    private List<String> shoppersWith(int count, long product, int quantity) throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(register(node(i + 1)));
        }
        return together(count, i -> {
            String sid = login(node(i), users.get(i));
            Response added = node(i + 1).send("POST", "/api/cart/items", "{\"productId\":" + product + ",\"quantity\":"
                    + quantity + "}", sid);
            assertEquals(200, added.status(), added.body());
            return sid;
        }).stream().toList();
    }

    private interface Client<T> {
        T run(int client) throws Exception;
    }

    /** Runs {@code count} clients released together; their answers in client order. */
    private <T> List<T> together(int count, Client<T> client) throws Exception {
        List<Callable<T>> work = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            work.add(() -> client.run(index));
        }
        return together(work);
    }

    private <T> List<T> together(List<Callable<T>> work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(work.size());
        List<Future<T>> running = new ArrayList<>();
        for (Callable<T> task : work) {
            running.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return task.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> result : running) {
            results.add(result.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    private static String statusesOf(List<Response> answers) {
        Map<Integer, Long> counted = new TreeMap<>();
        answers.forEach(r -> counted.merge(r.status(), 1L, Long::sum));
        return counted.toString();
    }

    /** The token of the newest reset mail in the node's outbox, or null while there is none. */
    private static String mailedToken(Node node) {
        if (!Files.isDirectory(node.outbox)) {
            return null;
        }
        try (Stream<Path> mails = Files.list(node.outbox)) {
            for (Path mail : mails.toList()) {
                if (!Files.readString(mail).contains("Subject: " + TestServer.RESET_SUBJECT + "\n")) {
                    continue; // a verification mail sent at registration
                }
                Optional<String> token = Files.readAllLines(mail).stream().filter(line -> line.startsWith("token: "))
                        .map(line -> line.substring("token: ".length())).findFirst();
                if (token.isPresent()) {
                    return token.get();
                }
            }
            return null;
        } catch (IOException e) {
            return null; // a mail still being written: look again
        }
    }

    private String sql(String statement) {
        return PostgresCluster.shared().psql(database, statement).strip();
    }
}
