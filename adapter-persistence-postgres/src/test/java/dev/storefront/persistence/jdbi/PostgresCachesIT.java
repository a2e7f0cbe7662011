package dev.storefront.persistence.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.catalog.NewProduct;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductFilter;
import dev.storefront.domain.catalog.ProductSort;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.session.Session;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.session.SessionPolicy;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.NewUser;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.Username;
import dev.storefront.persistence.postgres.PostgresDatabase;
import dev.storefront.testing.postgres.PostgresCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The caches of two instances (two {@link PostgresDatabase}s on one database, as two servers
 * would be): what one changes drops only that in the other's caches, told by NOTIFY.
 */
class PostgresCachesIT {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofMinutes(30), Duration.ofDays(7));
    /** Far above what NOTIFY takes (milliseconds); what the multi-instance contract allows is 200 ms. */
    private static final Duration TOLD_WITHIN = Duration.ofSeconds(2);

    private final List<PostgresDatabase> open = new ArrayList<>();
    private String url;
    private Instance a;
    private Instance b;
    private int counter;

    /** One server's repositories and caches. */
    private final class Instance {
        final PostgresDatabase database = PostgresTestDatabases.open(url);
        final SessionCache sessionCache = new SessionCache(database);
        final JdbiSessionRepository sessions = new JdbiSessionRepository(database, sessionCache);
        final JdbiUserRepository users = new JdbiUserRepository(database, sessionCache);
        final CachingProductRepository products = new CachingProductRepository(new JdbiProductRepository(database, USD));

        Instance() {
            open.add(database);
        }
    }

    @BeforeEach
    void twoInstances() {
        url = PostgresTestDatabases.freshUrl();
        a = new Instance();
        b = new Instance();
    }

    @AfterEach
    void close() {
        open.forEach(PostgresDatabase::close);
    }

    private Session start(Instance instance, User user) {
        counter++;
        Session session = Session.start(new SessionHandle(String.format("handle-%04d-abcdefghij", counter)),
                new TokenDigest(String.format("%064x", counter)), user.id(), "agent", T0, POLICY);
        instance.sessions.add(session);
        return session;
    }

    private User user(String name) {
        return a.users.add(NewUser.customer(new Username(name), new Email(name + "@example.com"),
                new PasswordHash("hash"), T0));
    }

    /** Waits (bounded) until the condition holds; the time it took. */
    private static Duration until(BooleanSupplier condition, String what) {
        long start = System.nanoTime();
        long deadline = start + TOLD_WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() - deadline < 0, what + " within " + TOLD_WITHIN);
            Thread.onSpinWait();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void aLogoutOnOneInstanceDropsOnlyThatSessionOnTheOther() {
        User alice = user("alice");
        User bob = user("bob");
        Session alices = start(a, alice);
        Session bobs = start(a, bob);
        Session sentinel = start(a, bob);
        for (Session s : List.of(alices, bobs, sentinel)) {
            b.sessions.findWithUser(s.digest()).orElseThrow();
        }

        a.users.update(alice.loggedInAt(T0.plusSeconds(5))); // a login: nothing sessions trust changed
        assertTrue(a.sessions.delete(alices.digest()));
        until(() -> b.sessions.findWithUser(alices.digest()).isEmpty(), "the logout on B");

        long hits = b.sessionCache.hits();
        b.sessions.findWithUser(bobs.digest()).orElseThrow();
        assertEquals(hits + 1, b.sessionCache.hits(), "another user's session is still answered from memory");

        a.users.update(bob.withEmail(new Email("bob2@example.com")));
        until(() -> b.sessions.findWithUser(bobs.digest()).orElseThrow().user().orElseThrow().email().value()
                .equals("bob2@example.com"), "bob's change on B");
    }

    @Test
    void aLoginOnOneInstanceTellsTheOthersNothing() {
        User alice = user("alice");
        Session alices = start(a, alice);
        Session sentinel = start(a, alice);
        b.sessions.findWithUser(alices.digest()).orElseThrow();
        b.sessions.findWithUser(sentinel.digest()).orElseThrow();

        a.users.update(alice.loggedInAt(T0.plusSeconds(5)));
        assertTrue(a.sessions.delete(sentinel.digest())); // told after the login's notice, if it sent one
        until(() -> b.sessions.findWithUser(sentinel.digest()).isEmpty(), "the sentinel's logout on B");

        long hits = b.sessionCache.hits();
        b.sessions.findWithUser(alices.digest()).orElseThrow();
        assertEquals(hits + 1, b.sessionCache.hits(), "the login dropped nothing on B");
    }

    @Test
    void anImageChangeOnOneInstanceReachesTheOthersProductAndPages() {
        Product mug = a.products.add(new NewProduct(new Sku("MUG-1"), "Mug", "", "Kitchen", Money.ofMinorUnits(200, USD),
                5, true, T0, List.of("/images/mug.svg")));
        ProductFilter kitchen = new ProductFilter(null, "Kitchen", null, null, false);
        PageRequest first = new PageRequest(1, 10);
        until(() -> b.products.findById(mug.id()).isPresent(), "the mug on B");
        b.products.search(kitchen, ProductSort.NAME, first);

        a.products.update(a.products.findById(mug.id()).orElseThrow().change(null, null, null, null, null, null, null,
                List.of("https://cdn.example.com/mug.png", "/images/mug.svg")));

        List<String> changed = List.of("https://cdn.example.com/mug.png", "/images/mug.svg");
        until(() -> b.products.findById(mug.id()).orElseThrow().images().equals(changed), "the product on B");
        until(() -> b.products.search(kitchen, ProductSort.NAME, first).items().get(0).images().equals(changed),
                "the page on B");
    }

    @Test
    void aStockChangeOnOneInstanceReachesTheOtherWhichKeepsItsOtherPages() {
        Product tea = a.products.add(new NewProduct(new Sku("TEA-1"), "Tea", "", "Tea", Money.ofMinorUnits(100, USD),
                5, true, T0, List.of()));
        Product mug = a.products.add(new NewProduct(new Sku("MUG-1"), "Mug", "", "Kitchen", Money.ofMinorUnits(200, USD),
                5, true, T0, List.of()));
        PageRequest first = new PageRequest(1, 10);
        // Notices arrive in order: once B has heard of this (its cached mug dropped), it has heard of the additions.
        b.products.findById(mug.id()).orElseThrow();
        assertTrue(a.products.takeStock(mug.id(), 1));
        until(() -> b.products.findById(mug.id()).orElseThrow().stock() == 4, "the first stock change on B");
        Page<Product> teaPage = b.products.search(new ProductFilter(null, "Tea", null, null, false), ProductSort.NAME, first);

        assertTrue(a.products.takeStock(mug.id(), 1));
        Duration took = until(() -> b.products.findById(mug.id()).orElseThrow().stock() == 3, "the stock on B");

        assertSame(teaPage, b.products.search(new ProductFilter(null, "Tea", null, null, false), ProductSort.NAME, first),
                "the page without the product is kept (told in " + took.toMillis() + " ms)");
        assertEquals(5, b.products.findById(tea.id()).orElseThrow().stock());
    }

    @Test
    void whileTheListenerIsCutTheOtherReadsTheDatabaseAndDropsEverythingOnItsReturn() {
        Product mug = a.products.add(new NewProduct(new Sku("MUG-1"), "Mug", "", "Kitchen", Money.ofMinorUnits(200, USD),
                5, true, T0, List.of()));
        ProductFilter kitchen = new ProductFilter(null, "Kitchen", null, null, false);
        PageRequest first = new PageRequest(1, 10);
        b.products.search(kitchen, ProductSort.NAME, first);
        Page<Product> cached = b.products.search(kitchen, ProductSort.NAME, first);

        String database = url.substring(url.lastIndexOf('/') + 1);
        PostgresCluster.shared().psql(database, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = 'storefront-change-feed'");
        a.products.update(a.products.findById(mug.id()).orElseThrow().change(null, "Renamed", null, null, null, null, null, null));

        // The notice may be lost while B's listener reconnects: B must not answer from memory meanwhile.
        until(() -> b.products.search(kitchen, ProductSort.NAME, first).items().get(0).name().equals("Renamed"),
                "the rename on B");
        assertNotSame(cached, b.products.search(kitchen, ProductSort.NAME, first));
        until(() -> {
            Page<Product> page = b.products.search(kitchen, ProductSort.NAME, first);
            return page == b.products.search(kitchen, ProductSort.NAME, first);
        }, "B caching again once its listener is back");
    }
}
