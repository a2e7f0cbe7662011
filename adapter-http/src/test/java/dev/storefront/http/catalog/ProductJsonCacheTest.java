package dev.storefront.http.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.money.Money;
import dev.storefront.http.common.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductJsonCacheTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    private final JsonCodec json = new JsonCodec();
    private final ProductJsonCache cache = new ProductJsonCache(json);

    /** The page as Jackson writes it from plain response records, field by field. */
    record RecordPage(List<ProductResponse> items, int page, int pageSize, long total) {}

    record RecordProduct(ProductResponse product) {}

    private static Product product(long id, int stock, String price, String description) {
        return new Product(new ProductId(id), new Sku("MUG-" + id), "Mug " + id, description, "Kitchen",
                Money.of(price, EUR), stock, true, Instant.parse("2026-11-22T10:15:30.123456Z"), List.of());
    }

    /** What an entry counts against the budget: its JSON, the product's text at two bytes a character, overhead. */
    private long counted(Product product) {
        return json.write(ProductResponse.from(product)).length + 2 * product.textLength()
                + ProductJsonCache.ENTRY_OVERHEAD_BYTES;
    }

    private String written(Object body) {
        return new String(json.write(body), StandardCharsets.UTF_8);
    }

    @Test
    void aPageOfWrittenProductsIsByteForByteThePageOfResponseRecords() {
        List<Product> products = List.of(product(1, 3, "4.5", "A mug"),
                product(2, 0, "12", "Quotes \"and\" back\\slashes, é, 日本, emoji 😀, </script>"),
                product(3, 7, "0.99", "Line one\nline two\ttabbed"),
                product(4, 1, "5", "Longer than the JSON writer's buffer: " + "é and more ".repeat(450)),
                product(5, 1, "6", "x".repeat(4_990)));
        Page<Product> page = Page.of(products, new PageRequest(2, 5), 42);
        RecordPage records = new RecordPage(products.stream().map(ProductResponse::from).toList(), 2, 5, 42);

        assertEquals(written(records), written(ProductPageResponse.from(page, cache)), "written when first seen");
        assertEquals(written(records), written(ProductPageResponse.from(page, cache)), "and copied when seen again");
    }

    @Test
    void aSingleProductIsTheSameJsonAsItsResponseRecord() {
        Product mug = product(1, 3, "4.5", "A mug");
        assertEquals(written(new RecordProduct(ProductResponse.from(mug))),
                written(SingleProductResponse.from(mug, cache)));
    }

    @Test
    void anEqualProductReusesItsJsonEvenAsAnotherObject() {
        ProductJson first = cache.of(product(1, 3, "4.50", "A mug"));
        assertSame(first, cache.of(product(1, 3, "4.50", "A mug")), "a reloaded, equal product");
        assertSame(first, cache.of(product(1, 3, "4.5", "A mug")), "the same price at another scale is equal money");
        assertEquals(1, cache.size());
    }

    @Test
    void aChangedProductIsNeverAnsweredStale() {
        ProductJson before = cache.of(product(1, 3, "4.50", "A mug"));

        ProductJson sold = cache.of(product(1, 2, "4.50", "A mug"));
        assertNotSame(before, sold);
        assertTrue(sold.toString().contains("\"stock\":2"), sold.toString());
        assertTrue(cache.of(product(1, 2, "5", "A mug")).toString().contains("\"price\":\"5.00\""), "a new price");
        assertTrue(cache.of(product(1, 2, "5", "A big mug")).toString().contains("\"description\":\"A big mug\""),
                "a new description");
        Product hidden = new Product(new ProductId(1), new Sku("MUG-1"), "Mug 1", "A big mug", "Kitchen",
                Money.of("5", EUR), 2, false, Instant.parse("2026-11-22T10:15:30.123456Z"), List.of());
        assertTrue(cache.of(hidden).toString().contains("\"active\":false"), "deactivated");
        Product pictured = hidden.change(null, null, null, null, null, null, null, List.of("/images/mug.svg"));
        assertTrue(cache.of(pictured).toString().contains("\"images\":[\"/images/mug.svg\"]"), "new images");
        Product repictured = pictured.change(null, null, null, null, null, null, null,
                List.of("https://cdn.example.com/mug.png", "/images/mug.svg"));
        assertTrue(cache.of(repictured).toString().contains("\"images\":[\"https://cdn.example.com/mug.png\",\"/images/mug.svg\"]"),
                "reordered images: " + cache.of(repictured));
        assertTrue(cache.of(hidden).toString().contains("\"images\":[]"), "no images again");
        assertEquals(written(ProductResponse.from(product(1, 3, "4.50", "A mug"))),
                cache.of(product(1, 3, "4.50", "A mug")).toString(), "and back again");
        assertEquals(1, cache.size(), "one entry per product");
    }

    @Test
    void startsAgainEmptyWhenItsBudgetIsFull() {
        ProductJsonCache small = new ProductJsonCache(json, 3 * counted(product(1, 3, "4.50", "A mug")));
        for (long id = 1; id <= 3; id++) {
            small.of(product(id, 3, "4.50", "A mug"));
        }
        assertEquals(3, small.size(), "three entries fit");

        ProductJson fourth = small.of(product(4, 3, "4.50", "A mug"));
        assertEquals(1, small.size(), "the fourth started it again");
        assertSame(fourth, small.of(product(4, 3, "4.50", "A mug")));
        assertEquals(written(ProductResponse.from(product(1, 3, "4.50", "A mug"))),
                small.of(product(1, 3, "4.50", "A mug")).toString(), "a dropped product is written again");
        assertEquals(2, small.size());
    }

    @Test
    void aLongDescriptionCountsAgainstTheBudget() {
        Product shortOne = product(1, 3, "4.50", "A mug");
        ProductJsonCache small = new ProductJsonCache(json, 10 * counted(shortOne));
        small.of(shortOne);
        small.of(product(2, 3, "4.50", "x".repeat(5_000)));
        assertEquals(1, small.size(), "a 5,000-character description alone outweighs ten short products");
    }
}
