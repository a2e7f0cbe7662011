package dev.storefront.http.catalog;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.http.common.JsonCodec;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
 * <p><b>Bounded.</b> An entry keeps its JSON's bytes and the product it was written from (to
 * compare; usually the very object the read cache holds). Each is counted at its JSON's length, the
 * product's text at two bytes a character, and {@value #ENTRY_OVERHEAD_BYTES} bytes of objects;
 * when the count passes the budget the cache starts again empty, as the catalog's read cache does,
 * so a hit costs no bookkeeping. A catalog whose browsed products do not fit is written afresh
 * more often; the benchmark's 10,000 products count about 11 MB.
 */
public final class ProductJsonCache {
    static final long DEFAULT_BUDGET_BYTES = 16L * 1024 * 1024;
    /**
     * The map's node, the entry, the JSON's holder and array header, the product's objects and its
     * strings' headers: about 450 bytes by the object sizes of a heap histogram.
     */
    static final int ENTRY_OVERHEAD_BYTES = 600;

    private record Entry(Product source, ProductJson json, long bytes) {}

    /** One fill of the cache; a full one is replaced whole, with its count. */
    private static final class Generation {
        final ConcurrentHashMap<ProductId, Entry> entries = new ConcurrentHashMap<>();
        final AtomicLong bytes = new AtomicLong();
    }

    private final JsonCodec codec;
    private final long budgetBytes;
    private final AtomicReference<Generation> current = new AtomicReference<>(new Generation());

    /** @param codec writes each product's JSON; every {@link JsonCodec} writes the same JSON */
    public ProductJsonCache(JsonCodec codec) {
        this(codec, DEFAULT_BUDGET_BYTES);
    }

    ProductJsonCache(JsonCodec codec, long budgetBytes) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.budgetBytes = budgetBytes;
    }

    public ProductJson of(Product product) {
        Generation generation = current.get();
        Entry entry = generation.entries.get(product.id());
        if (entry != null) {
            if (entry.source == product) {
                return entry.json;
            }
            if (entry.source.equals(product)) {
                // The catalog's read cache reloads products as new objects: keep the newest, so the
                // next hit is an identity check and the older object can go.
                generation.entries.replace(product.id(), entry, new Entry(product, entry.json, entry.bytes));
                return entry.json;
            }
        }
        ProductJson written = new ProductJson(codec.write(ProductResponse.from(product)));
        store(generation, new Entry(product, written, estimate(product, written)));
        return written;
    }

    private void store(Generation generation, Entry fresh) {
        if (generation.bytes.addAndGet(fresh.bytes) > budgetBytes) {
            Generation empty = new Generation();
            empty.bytes.set(fresh.bytes);
            empty.entries.put(fresh.source.id(), fresh);
            current.compareAndSet(generation, empty);
            return;
        }
        Entry replaced = generation.entries.put(fresh.source.id(), fresh);
        if (replaced != null) {
            generation.bytes.addAndGet(-replaced.bytes);
        }
    }

    private static long estimate(Product product, ProductJson json) {
        return json.length() + 2 * product.textLength() + ENTRY_OVERHEAD_BYTES;
    }

    /** Products held, for tests. */
    int size() {
        return current.get().entries.size();
    }
}
