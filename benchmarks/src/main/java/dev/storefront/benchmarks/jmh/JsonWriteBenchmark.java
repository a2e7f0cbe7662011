package dev.storefront.benchmarks.jmh;

import dev.storefront.benchmarks.CeilingServerPage;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.common.Page;
import dev.storefront.http.catalog.ProductJsonCache;
import dev.storefront.http.catalog.ProductPageResponse;
import dev.storefront.http.common.JsonCodec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing a catalog page of 20 products: as the server does (each product's JSON written once and
 * copied into the page, {@code ProductJsonCache}) and as the ceiling server does (Jackson writing
 * response records field by field), with and without mapping the products first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JsonWriteBenchmark {
    private final JsonCodec json = new JsonCodec();
    private final Page<Product> products = CeilingServerPage.products();
    private final ProductJsonCache productJson = new ProductJsonCache(json);
    private final CeilingServerPage.Records records = CeilingServerPage.Records.from(products);

    /** What the catalog route does on a cache hit: the products' written JSON copied into a page. */
    @Benchmark
    public byte[] writePageOfProductJson() {
        return json.write(ProductPageResponse.from(products, productJson));
    }

    /** What the ceiling server does on every request. */
    @Benchmark
    public byte[] writePageOfRecords() {
        return json.write(records);
    }

    /**
     * Mapping the products to response records, then writing them field by field: the catalog
     * route's work on a miss, for every product of the page (before each product's JSON was kept
     * it mapped every page so, with its prices and times formatted once and remembered).
     */
    @Benchmark
    public byte[] mapAndWritePageOfRecords() {
        return json.write(CeilingServerPage.Records.from(products));
    }
}
