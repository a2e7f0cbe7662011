package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.catalog.CategorySummary;
import dev.storefront.domain.catalog.DuplicateSku;
import dev.storefront.domain.catalog.NewProduct;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductFilter;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.ProductSort;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.Transactions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProductRepository} does, run against the in-memory fake and the SQLite adapter
 * alike. Subclasses give a fresh, empty store for each test.
 */
public abstract class ProductRepositoryContract {
    protected static final Currency USD = Currency.getInstance("USD");
    protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

    /** A fresh, empty repository for the current test (the same instance within one test). */
    protected abstract ProductRepository repository();

    /** The transactions the repository joins. */
    protected abstract Transactions transactions();

    protected static NewProduct newProduct(String sku, String name, String category, String price, int stock) {
        return newProduct(sku, name, "", category, price, stock, T0);
    }

    protected static NewProduct newProduct(String sku, String name, String description, String category,
                                           String price, int stock, Instant createdAt) {
        return new NewProduct(new Sku(sku), name, description, category, Money.of(price, USD), stock, true, createdAt, List.of());
    }

    private Product add(NewProduct product) {
        return repository().add(product);
    }

    private Product deactivated(Product product) {
        Product inactive = product.deactivate();
        repository().update(inactive);
        return inactive;
    }

    private List<String> skus(Page<Product> page) {
        return page.items().stream().map(p -> p.sku().value()).toList();
    }

    private Page<Product> search(ProductFilter filter, ProductSort sort) {
        return repository().search(filter, sort, new PageRequest(1, 100));
    }

    private static ProductFilter text(String text) {
        return new ProductFilter(text, null, null, null, false);
    }

    @Test
    void addAssignsDistinctIdsAndKeepsEveryField() {
        Product first = add(newProduct("SKU-1", "Espresso beans", "Dark roast, 1 kg", "Coffee", "19.99", 7, T0));
        Product second = add(newProduct("SKU-2", "Filter papers", "Coffee", "3.50", 0));

        assertFalse(first.id().equals(second.id()));
        Product found = repository().findById(first.id()).orElseThrow();
        assertEquals(first, found);
        assertEquals(new Sku("SKU-1"), found.sku());
        assertEquals("Espresso beans", found.name());
        assertEquals("Dark roast, 1 kg", found.description());
        assertEquals("Coffee", found.category());
        assertEquals(Money.of("19.99", USD), found.price());
        assertEquals(7, found.stock());
        assertTrue(found.active());
        assertEquals(T0, found.createdAt());
    }

    @Test
    void findByIdOfUnknownProductIsEmpty() {
        assertTrue(repository().findById(new ProductId(999_999)).isEmpty());
    }

    @Test
    void keepsPricesExactToTheCent() {
        Product cheap = add(newProduct("A", "Sticker", "Misc", "0.01", 1));
        Product dear = add(newProduct("B", "Espresso machine", "Coffee", "99999999.99", 1));
        Product zero = add(newProduct("C", "Free sample", "Misc", "0", 1));

        assertEquals(new BigDecimal("0.01"), repository().findById(cheap.id()).orElseThrow().price().amount());
        assertEquals(new BigDecimal("99999999.99"), repository().findById(dear.id()).orElseThrow().price().amount());
        assertEquals(new BigDecimal("0.00"), repository().findById(zero.id()).orElseThrow().price().amount());
    }

    @Test
    void findsBySkuRegardlessOfCase() {
        Product product = add(newProduct("Mug-Blue.1", "Blue mug", "Kitchen", "12.00", 3));

        assertEquals(product, repository().findBySku(new Sku("MUG-BLUE.1")).orElseThrow());
        assertEquals(product, repository().findBySku(new Sku("mug-blue.1")).orElseThrow());
        assertTrue(repository().findBySku(new Sku("mug-blue.2")).isEmpty());
    }

    @Test
    void rejectsASkuThatDiffersOnlyInCase() {
        add(newProduct("abc-1", "First", "Misc", "1.00", 1));

        DuplicateSku duplicate = assertThrows(DuplicateSku.class, () -> add(newProduct("ABC-1", "Second", "Misc", "1.00", 1)));
        assertEquals("ABC-1", duplicate.sku().value());
        assertEquals(1, repository().count());
    }

    @Test
    void updateStoresEveryFieldButKeepsTheCreationTime() {
        Product product = add(newProduct("OLD", "Old name", "old text", "Old", "1.00", 1, T0));
        Product changed = product.change("NEW", "New name", "new text", "New", new BigDecimal("2.50"), 9, false, null);

        repository().update(changed);

        Product found = repository().findById(product.id()).orElseThrow();
        assertEquals(changed, found);
        assertEquals(T0, found.createdAt());
        assertTrue(repository().findBySku(new Sku("OLD")).isEmpty());
        assertEquals(product.id(), repository().findBySku(new Sku("new")).orElseThrow().id());
    }

    @Test
    void imagesRoundTripInTheirOrderOnEveryRead() {
        List<String> images = List.of("https://cdn.example.com/z.png?w=1&h=2", "/images/a.svg", "/images/a.svg",
                "http://example.com/" + "x".repeat(2000));
        Product product = add(new NewProduct(new Sku("IMG-1"), "Pictured", "", "Pics", Money.of("1.00", USD), 1, true, T0,
                images));
        Product none = add(newProduct("IMG-0", "Plain", "Pics", "2.00", 1));

        assertEquals(images, product.images());
        assertEquals(images, repository().findById(product.id()).orElseThrow().images());
        assertEquals(images, repository().findBySku(new Sku("img-1")).orElseThrow().images());
        assertEquals(images, transactions().inTransaction(() -> repository().findByIdForUpdate(product.id()).orElseThrow())
                .images());
        assertEquals(List.of(images, List.of()), repository().findAllById(List.of(product.id(), none.id())).stream()
                .sorted(Comparator.comparingLong(p -> p.id().value())).map(Product::images).toList());
        assertEquals(List.of(images, List.of()), repository().search(ProductFilter.none(), ProductSort.PRICE,
                new PageRequest(1, 10)).items().stream().map(Product::images).toList());
    }

    @Test
    void updateReplacesTheImages() {
        Product product = add(new NewProduct(new Sku("IMG-1"), "Pictured", "", "Pics", Money.of("1.00", USD), 1, true, T0,
                List.of("/a.svg", "/b.svg")));

        repository().update(product.change(null, null, null, null, null, null, null, List.of("/c.svg", "/a.svg")));
        assertEquals(List.of("/c.svg", "/a.svg"), repository().findById(product.id()).orElseThrow().images());

        repository().update(repository().findById(product.id()).orElseThrow().change(null, "Renamed", null, null, null,
                null, null, null));
        assertEquals(List.of("/c.svg", "/a.svg"), repository().findById(product.id()).orElseThrow().images());

        repository().update(repository().findById(product.id()).orElseThrow().change(null, null, null, null, null, null,
                null, List.of()));
        assertEquals(List.of(), repository().findById(product.id()).orElseThrow().images());
        assertEquals(List.of(List.of()), repository().search(ProductFilter.none(), ProductSort.PRICE, new PageRequest(1, 10))
                .items().stream().map(Product::images).toList());
    }

    @Test
    void updateMayChangeTheCaseOfItsOwnSku() {
        Product product = add(newProduct("abc", "Thing", "Misc", "1.00", 1));

        repository().update(product.change("ABC", null, null, null, null, null, null, null));

        assertEquals("ABC", repository().findById(product.id()).orElseThrow().sku().value());
    }

    @Test
    void updateRejectsTheSkuOfAnotherProduct() {
        add(newProduct("TAKEN", "One", "Misc", "1.00", 1));
        Product other = add(newProduct("FREE", "Two", "Misc", "1.00", 1));

        assertThrows(DuplicateSku.class,
                () -> repository().update(other.change("taken", null, null, null, null, null, null, null)));
        assertEquals("FREE", repository().findById(other.id()).orElseThrow().sku().value());
    }

    @Test
    void updateOfAnUnknownProductFails() {
        Product ghost = newProduct("GHOST", "Ghost", "Misc", "1.00", 1).withId(new ProductId(424_242));

        assertThrows(IllegalStateException.class, () -> repository().update(ghost));
    }

    @Test
    void findAllByIdReturnsTheProductsThatExist() {
        Product a = add(newProduct("A", "A", "Misc", "1.00", 1));
        Product b = deactivated(add(newProduct("B", "B", "Misc", "1.00", 1)));

        List<Product> found = repository().findAllById(List.of(b.id(), new ProductId(777_777), a.id(), a.id()));

        assertEquals(2, found.size());
        assertTrue(found.containsAll(List.of(a, b)));
        assertEquals(List.of(), repository().findAllById(List.of()));
    }

    @Test
    void searchListsOnlyActiveProducts() {
        add(newProduct("LIVE", "Live", "Misc", "1.00", 1));
        deactivated(add(newProduct("GONE", "Gone", "Misc", "1.00", 1)));

        Page<Product> page = search(ProductFilter.none(), ProductSort.NAME);

        assertEquals(List.of("LIVE"), skus(page));
        assertEquals(1, page.total());
    }

    @Test
    void searchFindsTextInNameOrDescriptionRegardlessOfCase() {
        add(newProduct("N", "Ceramic Mug", "", "Kitchen", "9.00", 1, T0));
        add(newProduct("D", "Cup", "A small MUG for espresso", "Kitchen", "5.00", 1, T0));
        add(newProduct("X", "Plate", "flat", "Kitchen", "5.00", 1, T0));
        add(newProduct("U", "ÉCLAIR tin", "", "Kitchen", "5.00", 1, T0));

        assertEquals(List.of("N", "D"), skus(search(text("mUg"), ProductSort.PRICE_DESCENDING)));
        assertEquals(List.of("U"), skus(search(text("éclair"), ProductSort.NAME)));
        assertEquals(List.of(), skus(search(text("bowl"), ProductSort.NAME)));
    }

    @Test
    void searchTakesLikeWildcardsLiterally() {
        add(newProduct("P", "100% cotton shirt", "Clothing", "20.00", 1));
        add(newProduct("Q", "1000 cotton buds", "Clothing", "2.00", 1));
        add(newProduct("R", "snake_case mug", "Clothing", "2.00", 1));
        add(newProduct("S", "snakeXcase mug", "Clothing", "2.00", 1));
        add(newProduct("T", "back\\slash", "Clothing", "2.00", 1));

        assertEquals(List.of("P"), skus(search(text("100%"), ProductSort.NAME)));
        assertEquals(List.of("R"), skus(search(text("e_c"), ProductSort.NAME)));
        assertEquals(List.of("T"), skus(search(text("k\\s"), ProductSort.NAME)));
        assertEquals(List.of("P"), skus(search(text("%"), ProductSort.NAME)));
    }

    @Test
    void searchByCategoryMatchesTheExactName() {
        add(newProduct("B1", "Novel", "Books", "10.00", 1));
        add(newProduct("B2", "Atlas", "books", "10.00", 1));
        add(newProduct("T1", "Kite", "Toys", "10.00", 1));

        assertEquals(List.of("B1"), skus(search(new ProductFilter(null, "Books", null, null, false), ProductSort.NAME)));
    }

    @Test
    void searchByPriceRangeIncludesBothEnds() {
        add(newProduct("A", "A", "Misc", "9.99", 1));
        add(newProduct("B", "B", "Misc", "10.00", 1));
        add(newProduct("C", "C", "Misc", "20.00", 1));
        add(newProduct("D", "D", "Misc", "20.01", 1));

        ProductFilter range = new ProductFilter(null, null, new BigDecimal("10"), new BigDecimal("20.00"), false);
        assertEquals(List.of("B", "C"), skus(search(range, ProductSort.PRICE)));
        ProductFilter min = new ProductFilter(null, null, new BigDecimal("20.01"), null, false);
        assertEquals(List.of("D"), skus(search(min, ProductSort.PRICE)));
        ProductFilter max = new ProductFilter(null, null, null, new BigDecimal("9.99"), false);
        assertEquals(List.of("A"), skus(search(max, ProductSort.PRICE)));
        ProductFilter huge = new ProductFilter(null, null, null, new BigDecimal("1e40"), false);
        assertEquals(List.of("A", "B", "C", "D"), skus(search(huge, ProductSort.PRICE)));
        ProductFilter beyond = new ProductFilter(null, null, new BigDecimal("1e40"), null, false);
        assertEquals(List.of(), skus(search(beyond, ProductSort.PRICE)));
    }

    @Test
    void searchInStockOnlyLeavesOutSoldOutProducts() {
        add(newProduct("IN", "In", "Misc", "1.00", 1));
        add(newProduct("OUT", "Out", "Misc", "1.00", 0));

        assertEquals(List.of("IN"), skus(search(new ProductFilter(null, null, null, null, true), ProductSort.NAME)));
        assertEquals(List.of("IN", "OUT"), skus(search(ProductFilter.none(), ProductSort.NAME)));
    }

    @Test
    void filtersCombine() {
        add(newProduct("HIT", "Green tea", "Loose leaf", "Tea", "8.00", 5, T0));
        add(newProduct("WRONG-CAT", "Green tea mug", "", "Kitchen", "8.00", 5, T0));
        add(newProduct("TOO-DEAR", "Green tea deluxe", "", "Tea", "80.00", 5, T0));
        add(newProduct("SOLD-OUT", "Green tea sampler", "", "Tea", "8.00", 0, T0));
        add(newProduct("NO-TEXT", "Black tea", "", "Tea", "8.00", 5, T0));

        ProductFilter filter = new ProductFilter("green", "Tea", new BigDecimal("1"), new BigDecimal("10"), true);
        Page<Product> page = search(filter, ProductSort.NAME);

        assertEquals(List.of("HIT"), skus(page));
        assertEquals(1, page.total());
    }

    @Test
    void sortsByNameIgnoringCaseWithTiesById() {
        Product second = add(newProduct("S2", "banana", "Fruit", "1.00", 1));
        add(newProduct("S1", "Apple", "Fruit", "1.00", 1));
        Product third = add(newProduct("S3", "Banana", "Fruit", "1.00", 1));
        add(newProduct("S4", "cherry", "Fruit", "1.00", 1));
        assertTrue(second.id().value() < third.id().value());

        assertEquals(List.of("S1", "S2", "S3", "S4"), skus(search(ProductFilter.none(), ProductSort.NAME)));
        assertEquals(List.of("S4", "S3", "S2", "S1"), skus(search(ProductFilter.none(), ProductSort.NAME_DESCENDING)));
    }

    @Test
    void sortsByPriceWithTiesById() {
        add(newProduct("MID-1", "x", "Misc", "5.00", 1));
        add(newProduct("LOW", "y", "Misc", "1.50", 1));
        add(newProduct("MID-2", "z", "Misc", "5.00", 1));
        add(newProduct("HIGH", "w", "Misc", "100.00", 1));

        assertEquals(List.of("LOW", "MID-1", "MID-2", "HIGH"), skus(search(ProductFilter.none(), ProductSort.PRICE)));
        assertEquals(List.of("HIGH", "MID-2", "MID-1", "LOW"),
                skus(search(ProductFilter.none(), ProductSort.PRICE_DESCENDING)));
    }

    @Test
    void sortsNewestFirstWithTiesById() {
        add(newProduct("OLD", "a", "", "Misc", "1.00", 1, T0));
        add(newProduct("NEW-1", "b", "", "Misc", "1.00", 1, T0.plusSeconds(60)));
        add(newProduct("NEW-2", "c", "", "Misc", "1.00", 1, T0.plusSeconds(60)));
        add(newProduct("MID", "d", "", "Misc", "1.00", 1, T0.plusMillis(1)));

        assertEquals(List.of("NEW-2", "NEW-1", "MID", "OLD"), skus(search(ProductFilter.none(), ProductSort.NEWEST)));
    }

    @Test
    void pagesSliceTheSortedListAndCountTheWhole() {
        for (int i = 1; i <= 7; i++) {
            add(newProduct("P" + i, "Product " + i, "Misc", i + ".00", 1));
        }

        Page<Product> second = repository().search(ProductFilter.none(), ProductSort.PRICE, new PageRequest(2, 3));
        assertEquals(List.of("P4", "P5", "P6"), skus(second));
        assertEquals(7, second.total());
        assertEquals(2, second.page());
        assertEquals(3, second.pageSize());

        Page<Product> last = repository().search(ProductFilter.none(), ProductSort.PRICE, new PageRequest(3, 3));
        assertEquals(List.of("P7"), skus(last));

        Page<Product> beyond = repository().search(ProductFilter.none(), ProductSort.PRICE, new PageRequest(9, 3));
        assertEquals(List.of(), skus(beyond));
        assertEquals(7, beyond.total());
    }

    @Test
    void categoriesCountActiveProductsAndAreSortedByName() {
        add(newProduct("T1", "Kite", "toys", "1.00", 1));
        add(newProduct("B1", "Novel", "Books", "1.00", 0));
        add(newProduct("B2", "Atlas", "Books", "1.00", 1));
        add(newProduct("C1", "Beans", "Coffee", "1.00", 1));
        deactivated(add(newProduct("C2", "Grinder", "Coffee", "1.00", 1)));
        deactivated(add(newProduct("G1", "Ghost", "Gone", "1.00", 1)));

        assertEquals(List.of(new CategorySummary("Books", 2), new CategorySummary("Coffee", 1),
                new CategorySummary("toys", 1)), repository().categories());
    }

    @Test
    void countIncludesInactiveProducts() {
        assertEquals(0, repository().count());
        add(newProduct("A", "A", "Misc", "1.00", 1));
        deactivated(add(newProduct("B", "B", "Misc", "1.00", 1)));

        assertEquals(2, repository().count());
    }

    @Test
    void takeStockOnlyWhenEnoughRemains() {
        Product product = add(newProduct("A", "A", "Misc", "1.00", 5));

        assertTrue(repository().takeStock(product.id(), 3));
        assertFalse(repository().takeStock(product.id(), 3));
        assertEquals(2, repository().findById(product.id()).orElseThrow().stock());
        assertTrue(repository().takeStock(product.id(), 2));
        assertEquals(0, repository().findById(product.id()).orElseThrow().stock());
        assertFalse(repository().takeStock(new ProductId(999_999), 1));
    }

    @Test
    void takingSeveralStocksTakesEachOnlyWhenEnoughRemains() {
        Product a = add(newProduct("A", "A", "Misc", "1.00", 5));
        Product b = add(newProduct("B", "B", "Misc", "1.00", 2));
        Product c = add(newProduct("C", "C", "Misc", "1.00", 4));
        Map<ProductId, Integer> wanted = new LinkedHashMap<>();
        wanted.put(a.id(), 3);
        wanted.put(b.id(), 3);
        wanted.put(c.id(), 4);
        wanted.put(new ProductId(999_999), 1);

        List<ProductId> notTaken = transactions().inTransaction(() -> repository().takeStock(wanted));

        assertEquals(List.of(b.id(), new ProductId(999_999)), notTaken);
        assertEquals(2, repository().findById(a.id()).orElseThrow().stock());
        assertEquals(2, repository().findById(b.id()).orElseThrow().stock(), "not enough: nothing taken");
        assertEquals(0, repository().findById(c.id()).orElseThrow().stock(), "exactly enough is enough");
        assertEquals(List.of(), transactions().inTransaction(() -> repository().takeStock(Map.of())));
    }

    @Test
    void aShortStockInABatchRollsBackWithTheTransaction() {
        Product a = add(newProduct("A", "A", "Misc", "1.00", 5));
        Product b = add(newProduct("B", "B", "Misc", "1.00", 1));
        Map<ProductId, Integer> wanted = new LinkedHashMap<>();
        wanted.put(a.id(), 2);
        wanted.put(b.id(), 2);

        // As checkout does: any stock not taken fails the transaction, and all of it rolls back.
        assertThrows(IllegalStateException.class, () -> transactions().inTransaction(() -> {
            if (!repository().takeStock(wanted).isEmpty()) {
                throw new IllegalStateException("short");
            }
        }));

        assertEquals(5, repository().findById(a.id()).orElseThrow().stock());
        assertEquals(1, repository().findById(b.id()).orElseThrow().stock());
    }

    @Test
    void returnStockAddsItBack() {
        Product product = add(newProduct("A", "A", "Misc", "1.00", 1));

        assertTrue(repository().returnStock(product.id(), 4));
        assertEquals(5, repository().findById(product.id()).orElseThrow().stock());
        assertFalse(repository().returnStock(new ProductId(999_999), 1));
    }

    @Test
    void concurrentTakersNeverOversell() throws Exception {
        Product product = add(newProduct("HOT", "Hot item", "Misc", "1.00", 5));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                takes.add(pool.submit(() -> transactions().inTransaction(() -> repository().takeStock(product.id(), 1))));
            }
            int taken = 0;
            for (Future<Boolean> take : takes) {
                taken += take.get() ? 1 : 0;
            }
            assertEquals(5, taken);
            assertEquals(0, repository().findById(product.id()).orElseThrow().stock());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedTransactionLeavesNoTrace() {
        Product kept = add(newProduct("KEPT", "Kept", "Misc", "1.00", 5));

        assertThrows(IllegalStateException.class, () -> transactions().inTransaction(() -> {
            repository().add(newProduct("LOST", "Lost", "Misc", "1.00", 1));
            repository().update(kept.change(null, "Renamed", null, null, null, null, null, null));
            repository().takeStock(kept.id(), 5);
            throw new IllegalStateException("boom");
        }));

        assertEquals(1, repository().count());
        assertEquals(kept, repository().findById(kept.id()).orElseThrow());
        assertTrue(repository().findBySku(new Sku("LOST")).isEmpty());
    }

    @Test
    void findByIdForUpdateReadsTheCurrentRowInsideAWriteTransaction() {
        Product product = add(newProduct("LOCKED", "Locked", "Misc", "1.00", 5));
        assertTrue(repository().takeStock(product.id(), 2));
        Product read = transactions().inTransaction(() -> repository().findByIdForUpdate(product.id()).orElseThrow());
        assertEquals(3, read.stock(), "the stock as it is now, never an earlier read's");
        assertEquals(repository().findById(product.id()).orElseThrow(), read);
        assertTrue(transactions().inTransaction(() -> repository().findByIdForUpdate(new ProductId(987_654))).isEmpty());
    }
}
