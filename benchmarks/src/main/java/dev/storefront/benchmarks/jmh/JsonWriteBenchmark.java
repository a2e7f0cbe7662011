package dev.storefront.benchmarks.jmh;

import dev.storefront.benchmarks.CeilingServerPage;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.common.Page;
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

/** Writing a catalog page of 20 products as the API does: products to response records, then JSON bytes. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JsonWriteBenchmark {
    private final JsonCodec json = new JsonCodec();
    private final Page<Product> products = CeilingServerPage.products();
    private final ProductPageResponse response = ProductPageResponse.from(products);

    @Benchmark
    public byte[] writePage() {
        return json.write(response);
    }

    @Benchmark
    public byte[] mapAndWritePage() {
        return json.write(ProductPageResponse.from(products));
    }
}
