package dev.storefront.benchmarks.jmh;

import dev.storefront.benchmarks.Dataset;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductFilter;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.ProductSort;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.port.in.catalog.ProductSearchQuery;
import java.math.BigDecimal;
import java.util.List;
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
 * The catalog read cache: a catalog page and a product through their use cases at 10k products,
 * with the cache ({@code cache=true}; after the first round every call is a hit) and without it
 * (every call queries SQLite). The pages are the benchmark's kind (a category, a price band, in
 * stock), cycling through 10 categories × 4 sorts × 3 pages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class CatalogCacheBenchmark {
    private static final int PRODUCTS = 10_000;
    private static final List<ProductSort> SORTS = List.of(ProductSort.PRICE, ProductSort.PRICE_DESCENDING,
            ProductSort.NAME, ProductSort.NEWEST);

    @Param({"true", "false"})
    public boolean cache;

    private TempStore store;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        store = TempStore.withCatalog(PRODUCTS, cache);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
    }

    @Benchmark
    public Page<Product> catalogPage() {
        int n = next = (next + 1) % 120;
        ProductFilter filter = new ProductFilter(null, Dataset.CATEGORIES.get(n % 10), new BigDecimal("50.00"),
                new BigDecimal("200.00"), true);
        return store.storefront.catalog().searchProducts().searchProducts(
                new ProductSearchQuery(filter, SORTS.get(n / 10 % 4), new PageRequest(1 + n / 40, 20)));
    }

    @Benchmark
    public Product productDetail() {
        next = (next + 7919) % PRODUCTS;
        return store.storefront.catalog().getProduct().getProduct(new ProductId(1 + next));
    }
}
