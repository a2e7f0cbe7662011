package dev.storefront.persistence.jdbi;

import dev.storefront.domain.catalog.CategorySummary;
import dev.storefront.domain.catalog.NewProduct;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductFilter;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.ProductSort;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.port.out.ProductRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The catalog's reads ({@link #search}, {@link #findById}, {@link #categories}) from memory, in
 * front of {@link JdbiProductRepository}; everything else goes straight to it.
 *
 * <p><b>What a change drops.</b> Every committed product write through the same repository tells
 * the cache what it changed ({@link ProductChange}), after its COMMIT and before the writing call
 * returns. A page remembers the products it shows (an index from product to pages) and the filter
 * it was built for, so:
 * <ul>
 * <li>a stock change of X (a checkout's take, a cancel's return, an admin's stock edit) drops X's
 *     entry and the pages showing X; other pages keep being served. Stock orders nothing, filters
 *     nothing but "in stock", and counts nothing but that filter's totals;</li>
 * <li>a stock change that takes X across zero also drops every in-stock-filtered page: X may
 *     enter or leave them, and their totals move;</li>
 * <li>a change of what X is listed by (name, description, SKU, price, category, active) or a new
 *     product drops every page and the category counts (they may join, leave or reorder any page),
 *     and X's entry, but not the other products' entries.</li>
 * </ul>
 *
 * <p><b>Never stale within this process.</b> A reader notes the count of drops <em>before</em> its
 * snapshot of the database and stores what it read only if no drop happened since; the check and
 * the store hold the same lock as a drop. So a result read before a commit is either dropped by
 * that commit's drop or never stored, and a change is visible to the next read once the writing
 * call has returned. Hits take no lock.
 *
 * <p><b>Other processes</b> are heard through the {@link ChangeFeed}'s {@code CATALOG} topic, by the
 * same changes' keys. On PostgreSQL they arrive by NOTIFY within milliseconds, and drop what they
 * name; while the feed's listener is disconnected every read goes to the database, and on its
 * return everything is dropped once. On SQLite the {@code catalog_version} row that triggers (V7)
 * move cannot say which row moved: it is polled at most once a second (by one reading thread) and
 * a move made elsewhere ({@code import-catalog}, another application on the file) drops
 * everything; the moves of this process's own writes are skipped, since those were told exactly.
 *
 * <p><b>Where it does not cache.</b> Inside a write transaction every read goes to the database,
 * which holds the write lock and the truth. Inside a read-only transaction that has already read,
 * a miss is answered from that transaction's older snapshot and not stored (a hit there answers
 * as of now, which may be newer than the transaction's snapshot).
 *
 * <p><b>Memory.</b> At most {@value #MAX_PAGES} pages and {@value #MAX_PRODUCTS} products; a page
 * holds references to one shared {@link Product} per id. When full it stops storing until drops
 * make room; no eviction, so a hit costs no bookkeeping. Measured on the benchmark's catalog: about
 * 320 bytes a page beside the shared products (and one index entry per product shown), about 520
 * bytes a product; its 10,080 catalog queries take 7.7 MB, and a full cache of such products at
 * most about 40 MB.
 */
public final class CachingProductRepository implements ProductRepository {
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    /** The benchmark's catalog pages are 10,080 distinct queries (bench/lua/common.lua). */
    static final int MAX_PAGES = 16_384;
    static final int MAX_PRODUCTS = 65_536;
    /**
     * What the cached products may take, estimated from their text (descriptions may be 5,000
     * characters): the server's JVM has a 112 MB heap (docs/performance.md).
     */
    static final long MAX_PRODUCT_BYTES = 24L * 1024 * 1024;

    private final JdbiProductRepository delegate;
    private final Database database;
    private final Entries entries;
    private final ChangeFeed.Watch watch;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public CachingProductRepository(JdbiProductRepository delegate) {
        this(delegate, System::nanoTime, POLL_INTERVAL, MAX_PAGES, MAX_PRODUCTS, MAX_PRODUCT_BYTES);
    }

    /** @param nanoTime a monotonic clock (wall time may jump back, and tests freeze their clocks) */
    CachingProductRepository(JdbiProductRepository delegate, LongSupplier nanoTime, Duration pollInterval,
                             int maxPages, int maxProducts, long maxProductBytes) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.database = delegate.database();
        this.entries = new Entries(maxPages, maxProducts, maxProductBytes);
        this.watch = database.changes().watch(ChangeFeed.Topic.CATALOG, nanoTime, pollInterval);
        delegate.onCommittedChanges(entries::drop);
    }

    @Override
    public Page<Product> search(ProductFilter filter, ProductSort sort, PageRequest page) {
        SearchKey key = SearchKey.of(filter, sort, page);
        return cached(() -> delegate.search(filter, sort, page), () -> entries.pages.get(key),
                loaded -> entries.storePage(key, loaded));
    }

    @Override
    public Optional<Product> findById(ProductId id) {
        return cached(() -> delegate.findById(id), () -> {
            Product hit = entries.products.get(id);
            return hit == null ? null : Optional.of(hit);
        }, loaded -> loaded.map(entries::storeProduct));
    }

    @Override
    public List<CategorySummary> categories() {
        return cached(() -> List.copyOf(delegate.categories()), () -> entries.categories, entries::storeCategories);
    }

    /**
     * A read from memory, or from the database; a miss is stored if no drop happened since the
     * read began and its snapshot is known to be newer than that.
     *
     * @param lookup null when memory does not hold the answer
     * @param store  stores the database's answer (under the lock, if still current) and gives the one to return
     */
    private <T> T cached(Supplier<T> fromDatabase, Supplier<T> lookup, Function<T, T> store) {
        if (database.inWriteTransaction()) {
            return fromDatabase.get();
        }
        boolean freshSnapshot = database.nextReadSeesLatestCommits();
        entries.dropChangesElsewhere(watch.changesIfDue());
        // Before the snapshot that a miss reads: a drop after it means the read may predate a commit.
        long seen = entries.drops();
        T hit = lookup.get();
        if (hit != null) {
            hits.increment();
            return hit;
        }
        misses.increment();
        // In one snapshot: the caller's read-only transaction, or one of its own.
        T loaded = database.transactions().readOnly(fromDatabase);
        return freshSnapshot ? entries.storeIfNoDropSince(seen, () -> store.apply(loaded), loaded) : loaded;
    }

    /** Pages held, for tests. */
    int cachedPages() {
        return entries.pages.size();
    }

    /** Products held, for tests. */
    int cachedProducts() {
        return entries.products.size();
    }

    /** Reads answered from memory, for tests and measurements. */
    long hits() {
        return hits.sum();
    }

    /** Reads that went to the database (outside write transactions), for tests and measurements. */
    long misses() {
        return misses.sum();
    }

    @Override
    public Product add(NewProduct product) {
        return delegate.add(product);
    }

    @Override
    public void update(Product product) {
        delegate.update(product);
    }

    /** Never from the cache: the row as the database holds it now, to be written back. */
    @Override
    public Optional<Product> findByIdForUpdate(ProductId id) {
        return delegate.findByIdForUpdate(id);
    }

    @Override
    public List<Product> findAllById(List<ProductId> ids) {
        return delegate.findAllById(ids);
    }

    @Override
    public Optional<Product> findBySku(Sku sku) {
        return delegate.findBySku(sku);
    }

    @Override
    public long count() {
        return delegate.count();
    }

    @Override
    public boolean takeStock(ProductId id, int quantity) {
        return delegate.takeStock(id, quantity);
    }

    @Override
    public List<ProductId> takeStock(Map<ProductId, Integer> quantities) {
        return delegate.takeStock(quantities);
    }

    @Override
    public boolean returnStock(ProductId id, int quantity) {
        return delegate.returnStock(id, quantity);
    }

    /** What a search's SQL depends on; prices in minor units, so "10" and "10.00" are one key. */
    private record SearchKey(String text, String category, Long minPrice, Long maxPrice, boolean inStockOnly,
                             ProductSort sort, int page, int pageSize) {
        static SearchKey of(ProductFilter filter, ProductSort sort, PageRequest page) {
            return new SearchKey(filter.text(), filter.category(), filter.minPriceMinorUnits().orElse(null),
                    filter.maxPriceMinorUnits().orElse(null), filter.inStockOnly(), sort, page.page(),
                    page.pageSize());
        }
    }

    /**
     * What is cached. Lookups read the concurrent maps without a lock; stores and drops hold the
     * lock of this object, so a store checks "no drop since the read began" atomically with it.
     */
    private static final class Entries {
        final ConcurrentHashMap<SearchKey, Page<Product>> pages = new ConcurrentHashMap<>();
        /** One instance per id, shared by every page; also answers findById. */
        final ConcurrentHashMap<ProductId, Product> products = new ConcurrentHashMap<>();
        volatile List<CategorySummary> categories;
        /** The pages showing each product; guarded by this. */
        private final Map<ProductId, Set<SearchKey>> pagesShowing = new HashMap<>();
        private final AtomicLong drops = new AtomicLong();
        private final int maxPages;
        private final int maxProducts;
        private final long maxProductBytes;
        /** Guarded by this. */
        private long productBytes;

        Entries(int maxPages, int maxProducts, long maxProductBytes) {
            this.maxPages = maxPages;
            this.maxProducts = maxProducts;
            this.maxProductBytes = maxProductBytes;
        }

        long drops() {
            return drops.get();
        }

        synchronized <T> T storeIfNoDropSince(long seen, Supplier<T> store, T loaded) {
            return drops.get() == seen ? store.get() : loaded;
        }

        /** Stores the page with shared products if there is room; the page to answer with. Under the lock. */
        Page<Product> storePage(SearchKey key, Page<Product> page) {
            Page<Product> known = pages.get(key);
            if (known != null) {
                return known;
            }
            if (pages.size() >= maxPages) {
                return page;
            }
            List<Product> items = new ArrayList<>(page.items().size());
            for (Product product : page.items()) {
                Product shared = share(product);
                if (shared == null) {
                    return page;
                }
                items.add(shared);
            }
            Page<Product> stored = new Page<>(items, page.page(), page.pageSize(), page.total());
            pages.put(key, stored);
            for (Product product : items) {
                pagesShowing.computeIfAbsent(product.id(), id -> new HashSet<>()).add(key);
            }
            return stored;
        }

        /** Under the lock. */
        Product storeProduct(Product product) {
            return Objects.requireNonNullElse(share(product), product);
        }

        /** Under the lock. */
        List<CategorySummary> storeCategories(List<CategorySummary> loaded) {
            categories = loaded;
            return loaded;
        }

        /**
         * The shared instance of this product, adding it if there is room (null if not). A
         * differing instance (another process wrote between two reads) is kept apart, so a page
         * always holds exactly what the database returned.
         */
        private Product share(Product product) {
            Product known = products.get(product.id());
            if (known == null) {
                long bytes = approximateBytes(product);
                if (products.size() >= maxProducts || productBytes + bytes > maxProductBytes) {
                    return null;
                }
                productBytes += bytes;
                products.put(product.id(), product);
                return product;
            }
            return known.equals(product) ? known : product;
        }

        /** The product's objects and its text at two bytes a character (measured: ~520 bytes short). */
        private static long approximateBytes(Product product) {
            return 400L + 2L * product.textLength();
        }

        /** After the commit of changes through this process's repository. */
        synchronized void drop(List<ProductChange> changes) {
            drops.incrementAndGet();
            if (changes.stream().anyMatch(change -> change.kind() == ProductChange.Kind.LISTING)) {
                dropPages();
            } else if (changes.stream().anyMatch(change -> change.kind() == ProductChange.Kind.IN_STOCK_FLIPPED)) {
                List.copyOf(pages.keySet()).stream().filter(SearchKey::inStockOnly).forEach(this::dropPage);
            }
            for (ProductChange change : changes) {
                Set<SearchKey> showing = pagesShowing.get(change.id());
                if (showing != null) {
                    List.copyOf(showing).forEach(this::dropPage);
                }
                Product dropped = products.remove(change.id());
                if (dropped != null) {
                    productBytes -= approximateBytes(dropped);
                }
            }
        }

        /** Changes another process made, by their keys; a key this version does not know drops everything. */
        void dropChangesElsewhere(ChangeFeed.Changes changes) {
            if (changes.isEmpty()) {
                return;
            }
            List<ProductChange> known = new ArrayList<>(changes.keys().size());
            for (String key : changes.keys()) {
                Optional<ProductChange> change = ProductChange.parse(key);
                if (change.isEmpty()) {
                    dropAll();
                    return;
                }
                known.add(change.get());
            }
            if (changes.all()) {
                dropAll();
            } else {
                drop(known);
            }
        }

        private synchronized void dropAll() {
            drops.incrementAndGet();
            dropPages();
            products.clear();
            productBytes = 0;
        }

        private void dropPages() {
            pages.clear();
            pagesShowing.clear();
            categories = null;
        }

        private void dropPage(SearchKey key) {
            Page<Product> dropped = pages.remove(key);
            if (dropped == null) {
                return;
            }
            for (Product product : dropped.items()) {
                Set<SearchKey> showing = pagesShowing.get(product.id());
                if (showing != null && showing.remove(key) && showing.isEmpty()) {
                    pagesShowing.remove(product.id());
                }
            }
        }
    }
}
