package dev.storefront.http.catalog;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.http.common.JsonCodec;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each product's JSON, written once and reused while the product is unchanged. Catalog pages and
 * products come from the catalog's read cache, so the same products are written again and again:
 * mapping them to {@link ProductResponse} and writing that was most of a cached page's CPU
 * (docs/performance.md, step 25).
 *
 * <p><b>Never stale.</b> An entry is used only for a product equal, field by field, to the one it
 * was written from, so a change of stock, price or text is written afresh. Equal products give the
 * same JSON: every field of the response is a function of the product's fields.
 *
 * <p><b>Bounded.</b> An entry keeps the product it was written from (to compare) and its JSON
 * (as text and as bytes). Their size is estimated at three times the JSON's length plus a fixed
 * overhead; when the estimate passes the budget the cache starts again empty, as the catalog's read
 * cache does, so a hit costs no bookkeeping. The estimate is approximate under concurrent writes.
 */
public final class ProductJsonCache {
    /** The benchmark's 10,000 products take about 12 MB by this estimate. */
    static final long DEFAULT_BUDGET_BYTES = 16L * 1024 * 1024;
    /** The map's node, the entry, the JSON's objects: headers and references. */
    static final int ENTRY_OVERHEAD_BYTES = 256;

    private record Entry(Product source, ProductJson json, long bytes) {}

    private final JsonCodec codec;
    private final long budgetBytes;
    private final ConcurrentHashMap<ProductId, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong heldBytes = new AtomicLong();

    public ProductJsonCache(JsonCodec codec) {
        this(codec, DEFAULT_BUDGET_BYTES);
    }

    ProductJsonCache(JsonCodec codec, long budgetBytes) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.budgetBytes = budgetBytes;
    }

    public ProductJson of(Product product) {
        Entry entry = entries.get(product.id());
        if (entry != null) {
            if (entry.source == product) {
                return entry.json;
            }
            if (entry.source.equals(product)) {
                // The catalog's read cache reloads products as new objects: keep the newest, so the
                // next hit is an identity check and the older object can go.
                entries.replace(product.id(), entry, new Entry(product, entry.json, entry.bytes));
                return entry.json;
            }
        }
        ProductJson written = new ProductJson(codec.write(ProductResponse.from(product)));
        Entry fresh = new Entry(product, written, 3L * written.length() + ENTRY_OVERHEAD_BYTES);
        if (heldBytes.addAndGet(fresh.bytes) > budgetBytes) {
            entries.clear();
            heldBytes.set(fresh.bytes);
        }
        Entry replaced = entries.put(product.id(), fresh);
        if (replaced != null) {
            heldBytes.addAndGet(-replaced.bytes);
        }
        return written;
    }

    /** Products held, for tests. */
    int size() {
        return entries.size();
    }
}
