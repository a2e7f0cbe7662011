package dev.storefront.persistence.jdbi;

import dev.storefront.persistence.sqlite.SqliteTransactions;
import dev.storefront.persistence.sqlite.SqliteDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.catalog.CategorySummary;
import dev.storefront.domain.catalog.NewProduct;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductFilter;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.ProductSort;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.money.Money;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog read cache on a real SQLite file, beside the uncached repository on the same
 * database. The cache's clock only moves when a test moves it, so nothing but the in-process
 * version can make a read fresh unless a test says so.
 */
class CachingProductRepositoryIT {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> CATEGORIES = List.of("Tea", "Kitchen", "Garden");
    private static final PageRequest FIRST = new PageRequest(1, 5);

    @TempDir
    Path dir;
    private SqliteDatabase database;
    private SqliteTransactions tx;
    private JdbiProductRepository uncached;
    /** Committed changes the repository announced to its listeners. */
    private final AtomicLong announced = new AtomicLong();
    private CachingProductRepository cached;
    private final AtomicLong clock = new AtomicLong();
    private final List<Product> seeded = new ArrayList<>();

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("catalog.db");
    }

    @BeforeEach
    void catalog() {
        database = SqliteDatabase.open(url());
        tx = database.transactions();
        uncached = new JdbiProductRepository(database, USD);
        uncached.onCommittedChanges(changes -> announced.incrementAndGet());
        cached = cache(CachingProductRepository.MAX_PAGES, CachingProductRepository.MAX_PRODUCTS);
        tx.inTransaction(() -> {
            for (int i = 0; i < 40; i++) {
                // Prices and creation times repeat, so sorts break ties by id; some are out of stock or hidden.
                seeded.add(uncached.add(new NewProduct(new Sku("SKU-" + i), (i % 2 == 0 ? "mug " : "Mug ") + (i % 7),
                        "about " + i, CATEGORIES.get(i % 3), Money.ofMinorUnits(100 + (i % 5) * 250, USD), i % 4,
                        true, T0.plusSeconds(i % 6), List.of())));
            }
            for (int i = 0; i < 40; i += 9) {
                uncached.update(seeded.get(i).deactivate());
            }
        });
    }

    private CachingProductRepository cache(int maxPages, int maxProducts) {
        return cache(maxPages, maxProducts, CachingProductRepository.MAX_PRODUCT_BYTES);
    }

    private CachingProductRepository cache(int maxPages, int maxProducts, long maxProductBytes) {
        return new CachingProductRepository(uncached, clock::get, Duration.ofSeconds(1), maxPages, maxProducts,
                maxProductBytes);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** How the application reads: without a transaction of its own, as SearchProductsService does. */
    private Page<Product> search(CachingProductRepository repository, ProductFilter filter, ProductSort sort,
                                 PageRequest page) {
        return repository.search(filter, sort, page);
    }

    private Page<Product> search(ProductFilter filter) {
        return search(cached, filter, ProductSort.PRICE, FIRST);
    }

    private Page<Product> truth(ProductFilter filter) {
        return tx.readOnly(() -> uncached.search(filter, ProductSort.PRICE, FIRST));
    }

    private Optional<Product> find(ProductId id) {
        return tx.readOnly(() -> cached.findById(id));
    }

    private static ProductFilter category(String category) {
        return new ProductFilter(null, category, null, null, false);
    }

    private static ProductFilter inStock() {
        return new ProductFilter(null, null, null, null, true);
    }

    private static void rawSql(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 5000");
            statement.executeUpdate(sql);
        }
    }

    @Test
    void cachedReadsEqualUncachedOnesForEveryFilterSortAndPage() {
        List<ProductFilter> filters = new ArrayList<>(List.of(ProductFilter.none(), inStock(),
                new ProductFilter("MUG 3", null, null, null, false),
                new ProductFilter(null, null, new BigDecimal("3.50"), new BigDecimal("8.50"), true),
                new ProductFilter(null, null, new BigDecimal("3.5"), new BigDecimal("8.5"), true)));
        CATEGORIES.forEach(c -> filters.add(new ProductFilter(null, c, new BigDecimal("1"), null, true)));
        for (int round = 0; round < 2; round++) { // the first round fills the cache, the second hits it
            for (ProductFilter filter : filters) {
                for (ProductSort sort : ProductSort.values()) {
                    for (int page = 1; page <= 4; page++) {
                        PageRequest request = new PageRequest(page, 4);
                        assertEquals(tx.readOnly(() -> uncached.search(filter, sort, request)),
                                search(cached, filter, sort, request), filter + " " + sort + " " + request);
                    }
                }
            }
            for (Product product : seeded) {
                assertEquals(uncached.findById(product.id()), find(product.id()));
            }
            assertEquals(uncached.findById(new ProductId(999)), find(new ProductId(999)));
            assertEquals(uncached.categories(), tx.readOnly(cached::categories));
        }
        assertTrue(cached.cachedPages() > 0);
    }

    @Test
    void aHitIsServedFromMemoryAndItsListsCannotBeChanged() {
        Page<Product> first = search(inStock());
        Page<Product> second = search(inStock());
        List<CategorySummary> categories = tx.readOnly(cached::categories);

        assertSame(first.items().get(0), second.items().get(0));
        assertSame(categories, tx.readOnly(cached::categories));
        assertThrows(UnsupportedOperationException.class, () -> second.items().clear());
        assertThrows(UnsupportedOperationException.class, categories::clear);
    }

    @Test
    void pagesShareOneProductInstancePerIdAndFindByIdAnswersWithIt() {
        Page<Product> byPrice = search(cached, inStock(), ProductSort.PRICE, new PageRequest(1, 100));
        Page<Product> byName = search(cached, inStock(), ProductSort.NAME, new PageRequest(1, 100));
        Product product = byPrice.items().get(0);

        Product sameInOtherPage = byName.items().stream().filter(p -> p.id().equals(product.id())).findFirst().orElseThrow();
        assertSame(product, sameInOtherPage);
        assertSame(product, find(product.id()).orElseThrow());
        assertEquals(byPrice.items().size(), cached.cachedProducts());
    }

    @Test
    void everyKindOfWriteMakesTheNextReadFresh() {
        Product product = seeded.get(1); // active, Kitchen, in stock
        search(category("Kitchen"));
        find(product.id());

        Product repriced = product.change(null, null, null, null, new BigDecimal("0.50"), 10, null, null);
        cached.update(repriced);
        assertEquals(truth(category("Kitchen")), search(category("Kitchen")), "update");
        assertEquals(repriced, find(product.id()).orElseThrow());

        Product added = cached.add(new NewProduct(new Sku("NEW-1"), "Cheapest", "", "Kitchen",
                Money.ofMinorUnits(1, USD), 3, true, T0, List.of()));
        assertEquals(added, search(category("Kitchen")).items().get(0), "add");
        assertEquals(truth(category("Kitchen")), search(category("Kitchen")));
        assertEquals(uncached.categories(), tx.readOnly(cached::categories));

        assertTrue(cached.takeStock(added.id(), 3));
        assertEquals(0, find(added.id()).orElseThrow().stock(), "takeStock");
        assertEquals(truth(inStock()), search(inStock()));

        assertTrue(cached.returnStock(added.id(), 2));
        assertEquals(2, find(added.id()).orElseThrow().stock(), "returnStock");
        assertEquals(truth(inStock()), search(inStock()));

        assertEquals(List.of(), cached.takeStock(java.util.Map.of(added.id(), 1)));
        assertEquals(1, find(added.id()).orElseThrow().stock(), "takeStock of a batch (checkout)");
        assertEquals(truth(inStock()), search(inStock()));

        cached.update(find(added.id()).orElseThrow().deactivate());
        assertFalse(find(added.id()).orElseThrow().active(), "deactivate");
        assertFalse(search(category("Kitchen")).items().stream().anyMatch(p -> p.id().equals(added.id())));
        assertEquals(uncached.categories(), tx.readOnly(cached::categories));
    }

    /** The first seeded product in stock (with more than one) that {@code page} does not show, in {@code category}. */
    private Product inStockNotOn(Page<Product> page, String category) {
        return seeded.stream().filter(p -> p.active() && p.stock() > 1 && p.category().equals(category))
                .filter(p -> page.items().stream().noneMatch(shown -> shown.id().equals(p.id())))
                .findFirst().orElseThrow();
    }

    @Test
    void aStockChangeDropsTheProductAndThePagesShowingItButNoOtherPage() {
        Page<Product> tea = search(category("Tea"));
        Page<Product> inStock = search(inStock());
        Product kitchen = seeded.get(1); // active, Kitchen, stock 1
        Page<Product> kitchenPage = search(category("Kitchen"));
        Product sold = kitchenPage.items().stream().filter(p -> p.stock() > 1).findFirst().orElseThrow();
        find(sold.id());
        find(kitchen.id());
        long misses = cached.misses();

        assertTrue(cached.takeStock(sold.id(), 1)); // stays in stock

        assertSame(tea, search(category("Tea")), "a page without the product is still served from memory");
        assertSame(find(kitchen.id()).orElseThrow(), find(kitchen.id()).orElseThrow());
        assertEquals(misses, cached.misses(), "no query for what the change did not touch");
        assertEquals(truth(category("Kitchen")), search(category("Kitchen")), "the page showing it is read again");
        assertEquals(misses + 1, cached.misses());
        assertEquals(sold.stock() - 1, find(sold.id()).orElseThrow().stock());
        boolean inStockShowsIt = inStock.items().stream().anyMatch(p -> p.id().equals(sold.id()));
        assertEquals(!inStockShowsIt, search(inStock()) == inStock, "the in-stock page only if it shows it");
        assertEquals(truth(inStock()), search(inStock()));
    }

    @Test
    void aSellOutOrAReturnFromZeroDropsEveryInStockPageAndNothingElse() {
        Page<Product> inStock = search(inStock());
        Product last = inStockNotOn(inStock, "Garden");
        Page<Product> tea = search(category("Tea"));

        assertTrue(cached.takeStock(last.id(), last.stock()));

        assertEquals(truth(inStock()), search(inStock()), "its total (and maybe its items) moved");
        assertNotSame(inStock, search(inStock()));
        assertSame(tea, search(category("Tea")));
        Page<Product> soldOut = search(inStock());
        assertEquals(inStock.total() - 1, soldOut.total());

        assertTrue(cached.returnStock(last.id(), 2));
        assertEquals(inStock.total(), search(inStock()).total(), "back in stock");
        assertSame(tea, search(category("Tea")));

        assertTrue(cached.returnStock(last.id(), 1)); // from 2 to 3: no flip
        Page<Product> again = search(inStock());
        assertSame(again, search(inStock()));
    }

    @Test
    void anAdminsStockEditIsAStockChangeButARenameDropsEveryPageAndOnlyThatProduct() {
        Page<Product> inStock = search(inStock());
        Product edited = inStockNotOn(inStock, "Garden");
        Page<Product> tea = search(category("Tea"));
        Product other = find(seeded.get(1).id()).orElseThrow();

        cached.update(find(edited.id()).orElseThrow().change(null, null, null, null, null, edited.stock() + 5, null, null));
        assertSame(tea, search(category("Tea")), "a stock edit");
        assertSame(inStock, search(inStock()), "no flip, and not shown there");
        assertEquals(edited.stock() + 5, find(edited.id()).orElseThrow().stock());

        cached.update(find(edited.id()).orElseThrow().change(null, "Renamed", null, null, null, null, null, null));
        assertNotSame(tea, search(category("Tea")));
        assertEquals(truth(category("Tea")), search(category("Tea")));
        assertSame(other, find(other.id()).orElseThrow(), "other products' entries stay");
        assertEquals("Renamed", find(edited.id()).orElseThrow().name());
    }

    @Test
    void anImageChangeDropsWhatARenameDrops() {
        Page<Product> tea = search(category("Tea"));
        Product edited = tea.items().get(0);
        Product other = find(seeded.get(1).id().equals(edited.id()) ? seeded.get(2).id() : seeded.get(1).id())
                .orElseThrow();
        Page<Product> garden = search(category("Garden"));

        cached.update(find(edited.id()).orElseThrow().change(null, null, null, null, null, null, null,
                List.of("/images/tea.svg")));
        assertEquals(List.of("/images/tea.svg"), find(edited.id()).orElseThrow().images(), "its own entry");
        assertNotSame(tea, search(category("Tea")), "the pages showing it");
        assertEquals(List.of("/images/tea.svg"), search(category("Tea")).items().get(0).images());
        assertEquals(truth(category("Tea")), search(category("Tea")));
        assertNotSame(garden, search(category("Garden")), "every page, as for a rename");
        assertSame(other, find(other.id()).orElseThrow(), "other products' entries stay");

        Page<Product> again = search(category("Tea"));
        cached.update(find(edited.id()).orElseThrow().change(null, null, null, null, null, null, null,
                List.of("/images/tea-2.svg", "/images/tea.svg")));
        assertNotSame(again, search(category("Tea")), "a reorder or a new entry too");
        assertEquals(List.of("/images/tea-2.svg", "/images/tea.svg"), search(category("Tea")).items().get(0).images());
    }

    @Test
    void thePollSkipsThisProcesssOwnWritesSoTheyStayTargeted() throws Exception {
        Page<Product> tea = search(category("Tea"));
        Product kitchen = seeded.get(1);
        assertTrue(cached.takeStock(kitchen.id(), 1));
        tx.inTransaction(() -> cached.returnStock(kitchen.id(), 1));

        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertSame(tea, search(category("Tea")), "the counter moved, but only by this process");

        rawSql(url(), "UPDATE product SET stock = stock + 1 WHERE id = " + kitchen.id().value());
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertNotSame(tea, search(category("Tea")), "a move elsewhere drops everything: it cannot say which row");
    }

    @Test
    void aWriteThroughTheUncachedRepositoryInsideATransactionInvalidatesOnCommit() {
        Product product = seeded.get(1);
        search(inStock());

        tx.inTransaction(() -> {
            assertTrue(uncached.takeStock(product.id(), product.stock()));
            assertTrue(uncached.returnStock(product.id(), 1));
        });

        assertEquals(truth(inStock()), search(inStock()));
        assertEquals(1, find(product.id()).orElseThrow().stock());
    }

    @Test
    void aRolledBackWriteMovesNothingAndTheCacheKeepsServing() {
        Page<Product> before = search(inStock());
        long version = announced.get();

        assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
            cached.update(before.items().get(0).change(null, "Renamed", null, null, null, null, null, null));
            assertTrue(cached.takeStock(before.items().get(1).id(), 1));
            throw new IllegalStateException("roll back");
        }));

        assertEquals(version, announced.get());
        assertSame(before, search(inStock()));
        assertEquals(truth(inStock()), before);
    }

    @Test
    void aStockTakeThatTakesNothingMovesNothing() {
        long version = announced.get();

        assertFalse(cached.takeStock(seeded.get(0).id(), 1_000));
        assertFalse(cached.returnStock(new ProductId(999), 1));

        assertEquals(version, announced.get());
    }

    @Test
    void readsInsideAWriteTransactionGoToTheDatabase() {
        Product product = seeded.get(1);
        Page<Product> before = search(inStock());
        find(product.id());

        assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
            // Uncommitted and unannounced: only the transaction's own connection can see it.
            database.withHandle(h -> h.execute("UPDATE product SET stock = 0 WHERE id = ?", product.id().value()));
            assertEquals(0, cached.findById(product.id()).orElseThrow().stock());
            assertEquals(uncached.search(inStock(), ProductSort.PRICE, FIRST),
                    cached.search(inStock(), ProductSort.PRICE, FIRST));
            assertEquals(uncached.categories(), cached.categories());
            throw new IllegalStateException("roll back");
        }));

        assertSame(before, search(inStock()), "the cache was neither filled nor emptied by the transaction");
    }

    @Test
    void aMissInsideAReadTransactionThatAlreadyReadIsNotStored() {
        tx.readOnly(() -> {
            uncached.count(); // fixes the snapshot before the cache takes the version
            cached.search(inStock(), ProductSort.PRICE, FIRST);
            cached.findById(seeded.get(1).id());
            return null;
        });

        assertEquals(0, cached.cachedPages());
        assertEquals(0, cached.cachedProducts());
        search(inStock());
        assertEquals(1, cached.cachedPages());
    }

    @Test
    void aWriteByAnotherDatabaseOnTheFileShowsAfterThePollInterval() {
        Product product = seeded.get(1);
        search(inStock());
        find(product.id());
        try (SqliteDatabase other = SqliteDatabase.open(url())) {
            new JdbiProductRepository(other, USD).update(product.change(null, "Changed elsewhere", null, null,
                    null, 0, null, null));
        }

        clock.addAndGet(Duration.ofMillis(999).toNanos());
        assertEquals(product.name(), find(product.id()).orElseThrow().name(), "not polled yet: still cached");
        assertNotEquals(truth(inStock()), search(inStock()));

        clock.addAndGet(Duration.ofMillis(1).toNanos());
        assertEquals("Changed elsewhere", find(product.id()).orElseThrow().name());
        assertEquals(truth(inStock()), search(inStock()));
    }

    @Test
    void rawSqlFromAnotherConnectionShowsAfterThePollInterval() throws Exception {
        Product product = seeded.get(1);
        search(category("Kitchen"));
        rawSql(url(), "INSERT INTO product (sku, name, description, category, price_minor, stock, active,"
                + " created_at, search_text) VALUES ('RAW-1', 'Raw', '', 'Kitchen', 1, 1, 1, 0, 'raw')");
        rawSql(url(), "DELETE FROM product WHERE sku = 'RAW-1'");
        rawSql(url(), "UPDATE product SET price_minor = 0 WHERE id = " + product.id().value());

        assertNotEquals(truth(category("Kitchen")), search(category("Kitchen")));
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(truth(category("Kitchen")), search(category("Kitchen")));
        assertEquals(0, search(category("Kitchen")).items().get(0).price().toMinorUnits());
    }

    @Test
    void theTriggersCountEveryRowWrittenWhoeverWritesIt() throws Exception {
        long before = database.withHandle(h -> h.createQuery("SELECT version FROM catalog_version").mapTo(Long.class).one());

        // Rows in stock: one that crosses zero is written twice (its in_stock flag follows, V9).
        rawSql(url(), "UPDATE product SET stock = stock + 1 WHERE category = 'Tea' AND stock > 0");
        rawSql(url(), "UPDATE cart_line SET quantity = quantity WHERE 0");

        long after = database.withHandle(h -> h.createQuery("SELECT version FROM catalog_version").mapTo(Long.class).one());
        assertEquals(before + seeded.stream().filter(p -> p.category().equals("Tea") && p.stock() > 0).count(), after);
    }

    @Test
    void theCapOnPagesHoldsAndAFullGenerationStillAnswersCorrectly() {
        CachingProductRepository small = cache(3, 1_000);
        List<Page<Product>> pages = new ArrayList<>();
        for (int page = 1; page <= 6; page++) {
            pages.add(search(small, ProductFilter.none(), ProductSort.NAME, new PageRequest(page, 2)));
        }

        assertEquals(3, small.cachedPages());
        for (int page = 1; page <= 6; page++) {
            PageRequest request = new PageRequest(page, 2);
            Page<Product> again = search(small, ProductFilter.none(), ProductSort.NAME, request);
            assertEquals(tx.readOnly(() -> uncached.search(ProductFilter.none(), ProductSort.NAME, request)), again);
            if (page <= 3) {
                assertSame(pages.get(page - 1), again, "page " + page + " was stored");
            } else {
                assertNotSame(pages.get(page - 1), again, "page " + page + " was not");
            }
        }
    }

    @Test
    void theCapOnProductsHoldsAndAPageThatDoesNotFitIsNotStored() {
        CachingProductRepository small = cache(100, 5);

        search(small, ProductFilter.none(), ProductSort.NAME, new PageRequest(1, 4));
        search(small, ProductFilter.none(), ProductSort.NAME, new PageRequest(2, 4));

        assertEquals(1, small.cachedPages());
        assertTrue(small.cachedProducts() <= 5, "products: " + small.cachedProducts());
    }

    @Test
    void theBudgetOnProductBytesHoldsWhateverTheCount() {
        // Each seeded product takes ~430 estimated bytes: room for two, not for a page of four.
        CachingProductRepository small = cache(100, 1_000, 1_000);

        Page<Product> page = search(small, ProductFilter.none(), ProductSort.NAME, new PageRequest(1, 4));

        assertEquals(uncached.search(ProductFilter.none(), ProductSort.NAME, new PageRequest(1, 4)), page);
        assertEquals(0, small.cachedPages());
        assertTrue(small.cachedProducts() <= 2, "products: " + small.cachedProducts());
    }

    @Test
    void concurrentWritersNeverLeaveAStaleEntryBehind() throws Exception {
        List<ProductFilter> filters = List.of(inStock(), category("Tea"), category("Kitchen"),
                new ProductFilter(null, "Garden", null, null, true));
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            // Many short rounds: a stale entry can only survive the last write of a round.
            for (int round = 0; round < 25; round++) {
                AtomicBoolean writing = new AtomicBoolean(true);
                List<Future<?>> readers = new ArrayList<>();
                for (int r = 0; r < 4; r++) {
                    readers.add(threads.submit(() -> {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        while (writing.get()) {
                            search(filters.get(random.nextInt(filters.size())));
                            find(seeded.get(random.nextInt(seeded.size())).id());
                            tx.readOnly(cached::categories);
                        }
                        return null;
                    }));
                }
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    writers.add(threads.submit(() -> {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        for (int i = 0; i < 20; i++) {
                            ProductId id = seeded.get(random.nextInt(seeded.size())).id();
                            if (random.nextBoolean()) {
                                tx.inTransaction(() -> cached.takeStock(id, 1));
                            } else {
                                cached.returnStock(id, 1); // autocommit: announced at once
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> writer : writers) {
                    writer.get(60, TimeUnit.SECONDS);
                }
                writing.set(false);
                for (Future<?> reader : readers) {
                    reader.get(60, TimeUnit.SECONDS);
                }

                for (ProductFilter filter : filters) {
                    assertEquals(truth(filter), search(filter), "round " + round + ", " + filter);
                }
                for (Product product : seeded) {
                    assertEquals(uncached.findById(product.id()), find(product.id()), "round " + round);
                }
                assertEquals(uncached.categories(), tx.readOnly(cached::categories));
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
