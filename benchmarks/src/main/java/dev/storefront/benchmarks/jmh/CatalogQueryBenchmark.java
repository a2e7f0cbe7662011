package dev.storefront.benchmarks.jmh;

import dev.storefront.benchmarks.Dataset;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductFilter;
import dev.storefront.domain.catalog.ProductSort;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.port.in.catalog.ProductSearchQuery;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The catalog query in-process, through the use case (read-only transaction, JDBI, SQLite, rows to
 * products), on a file database of 1k, 10k or 100k products: how its latency grows with the catalog.
 * The filtered page is one category (a tenth of the catalog), a price range, in stock only, sorted
 * by price (first page) or by name (third page); the text page adds a text filter, which no index
 * can serve. The catalog read cache is off: this is what every miss of it costs
 * ({@link CatalogCacheBenchmark} measures a hit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class CatalogQueryBenchmark {
    @Param({"1000", "10000", "100000"})
    public int products;

    private TempStore store;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        store = TempStore.withCatalog(products, false);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
    }

    private String category() {
        next = (next + 1) % Dataset.CATEGORIES.size();
        return Dataset.CATEGORIES.get(next);
    }

    @Benchmark
    public Page<Product> filteredSortedPage() {
        ProductFilter filter = new ProductFilter(null, category(), new BigDecimal("10.00"), new BigDecimal("250.00"), true);
        return store.storefront.catalog().searchProducts().searchProducts(
                new ProductSearchQuery(filter, ProductSort.PRICE, new PageRequest(1, 20)));
    }

    @Benchmark
    public Page<Product> filteredPageByName() {
        ProductFilter filter = new ProductFilter(null, category(), new BigDecimal("10.00"), new BigDecimal("250.00"), true);
        return store.storefront.catalog().searchProducts().searchProducts(
                new ProductSearchQuery(filter, ProductSort.NAME, new PageRequest(3, 20)));
    }

    @Benchmark
    public Page<Product> textSearchPage() {
        ProductFilter filter = new ProductFilter("lantern", category(), null, null, false);
        return store.storefront.catalog().searchProducts().searchProducts(
                new ProductSearchQuery(filter, ProductSort.NAME, new PageRequest(1, 20)));
    }
}
