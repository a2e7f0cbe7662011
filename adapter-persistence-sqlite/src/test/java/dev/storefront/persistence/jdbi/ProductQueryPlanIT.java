package dev.storefront.persistence.jdbi;

import dev.storefront.persistence.sqlite.SqliteDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.catalog.NewProduct;
import dev.storefront.domain.catalog.ProductFilter;
import dev.storefront.domain.catalog.ProductSort;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.money.Money;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proves with {@code EXPLAIN QUERY PLAN} that catalog listings are served from the indexes of
 * V3__catalog.sql: sorted pages walk an index (no temporary sort), a category narrows through an
 * index, and no listing scans the whole table. Speed itself is for a benchmark, not a timed test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductQueryPlanIT {
    private static final Currency USD = Currency.getInstance("USD");

    @TempDir
    static Path directory;
    private SqliteDatabase database;
    private JdbiProductRepository repository;

    @BeforeAll
    void catalogOfSomeSize() {
        database = SqliteDatabase.open("jdbc:sqlite:" + directory.resolve("plans.db"));
        repository = new JdbiProductRepository(database, USD);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        database.transactions().inTransaction(() -> {
            for (int i = 0; i < 2_000; i++) {
                repository.add(new NewProduct(new Sku("SKU-" + i), "Product " + (i * 7919 % 2_000), "about " + i,
                        "Category " + (i % 12), Money.ofMinorUnits(100 + (i * 31 % 50_000), USD), i % 9,
                        i % 10 != 0, start.plusSeconds(i), List.of()));
            }
        });
    }

    @AfterAll
    void close() {
        database.close();
    }

    private List<String> plan(ProductFilter filter, ProductSort sort) {
        return repository.explainSearch(filter, sort);
    }

    private static String indexFor(ProductSort sort, boolean category) {
        String order = switch (sort) {
            case NAME, NAME_DESCENDING -> "name";
            case PRICE, PRICE_DESCENDING -> "price";
            case NEWEST -> "created";
        };
        return (category ? "product_category_by_" : "product_active_by_") + order;
    }

    private static void assertNoFullScanOrSort(List<String> plan) {
        for (String line : plan) {
            assertFalse(line.contains("TEMP B-TREE"), () -> "sorts instead of walking an index: " + plan);
            assertFalse(line.matches(".*SCAN product$"), () -> "scans the table without an index: " + plan);
        }
    }

    @ParameterizedTest
    @EnumSource(ProductSort.class)
    void everySortOrderWalksItsIndex(ProductSort sort) {
        List<String> plan = plan(ProductFilter.none(), sort);

        assertTrue(plan.get(0).startsWith("select: SCAN product USING INDEX " + indexFor(sort, false)), plan::toString);
        assertNoFullScanOrSort(plan);
    }

    @ParameterizedTest
    @EnumSource(ProductSort.class)
    void aCategoryIsNarrowedThroughTheIndexOfTheSortOrder(ProductSort sort) {
        List<String> plan = plan(new ProductFilter(null, "Category 3", null, null, false), sort);

        assertTrue(plan.get(0).startsWith("select: SEARCH product USING INDEX " + indexFor(sort, true) + " (category=?)"),
                plan::toString);
        assertTrue(plan.get(1).startsWith("count: SEARCH product USING COVERING INDEX product_category_by_"),
                plan::toString);
        assertNoFullScanOrSort(plan);
    }

    @ParameterizedTest
    @EnumSource(ProductSort.class)
    void stockAndTextFiltersRideOnTheSortIndex(ProductSort sort) {
        List<String> plan = plan(new ProductFilter("duct 1", null, null, null, true), sort);

        assertTrue(plan.get(0).startsWith("select: SCAN product USING INDEX " + indexFor(sort, false)), plan::toString);
        assertNoFullScanOrSort(plan);
    }

    @Test
    void aPriceRangeIsSearchedInThePriceIndex() {
        ProductFilter range = new ProductFilter(null, null, new BigDecimal("10.00"), new BigDecimal("20.00"), false);

        List<String> plan = plan(range, ProductSort.PRICE);

        assertTrue(plan.get(0).startsWith("select: SEARCH product USING INDEX product_active_by_price (price_minor>? AND price_minor<?)"),
                plan::toString);
        assertNoFullScanOrSort(plan);
    }

    @Test
    void everyFilterAtOnceStillReadsThroughAnIndex() {
        ProductFilter all = new ProductFilter("product", "Category 5", new BigDecimal("1"), new BigDecimal("300"), true);

        for (ProductSort sort : ProductSort.values()) {
            List<String> plan = plan(all, sort);
            // Category and price range narrow the rows in an index; sorting those few may use a temp b-tree.
            List<String> reads = plan.stream().filter(line -> line.contains("SCAN") || line.contains("SEARCH")).toList();
            assertFalse(reads.isEmpty(), plan::toString);
            assertTrue(reads.stream().allMatch(line -> line.contains("SEARCH product USING")
                    && line.contains("INDEX product_category_by_") && line.contains("category=?")), plan::toString);
        }
    }

    @Test
    void theSearchAnswersLikeTheContractSays() {
        // A sanity check that the data above is what the plans were asked about.
        assertEquals(1_800, repository.search(ProductFilter.none(), ProductSort.NAME,
                new dev.storefront.domain.common.PageRequest(1, 1)).total());
    }
}
