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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The catalog's reads ({@link #search}, {@link #findById}, {@link #categories}) from memory, in
 * front of {@link JdbiProductRepository}; everything else goes straight to it.
 *
 * <p><b>Versioned, never stale within this process.</b> Every committed product write through the
 * same {@link Database} moves its catalog version on (after the COMMIT). A reader takes the
 * version <em>before</em> its snapshot of the database and stores its result in the generation of
 * that version; a generation is used only while its version is the current one. So a result read
 * before a commit dies with the bump that follows the commit, and a change is visible to the next
 * read once the writing call has returned. On a new version everything is dropped at once.
 *
 * <p><b>Other processes</b> ({@code import-catalog}, another application on the file) move the
 * {@code catalog_version} row through triggers (V7). At most once per poll interval (1 s) one
 * reading thread compares it with what it last saw and moves the version on if it changed: their
 * changes show within about a second.
 *
 * <p><b>Where it does not cache.</b> Inside a write transaction every read goes to the database,
 * which holds the write lock and the truth. Inside a read-only transaction that has already read,
 * a miss is answered from that transaction's older snapshot and not stored (a hit there answers
 * as of now, which may be newer than the transaction's snapshot).
 *
 * <p><b>Memory.</b> At most {@value #MAX_PAGES} pages and {@value #MAX_PRODUCTS} products a
 * generation; a page holds references to one shared {@link Product} per id. When a generation is
 * full it stops storing (the next write starts an empty one); no eviction, so a hit costs no
 * bookkeeping. Measured on the benchmark's catalog: about 320 bytes a page beside the shared
 * products, about 520 bytes a product; its 10,080 catalog queries take 7.7 MB, and a full
 * generation of such products at most about 40 MB.
 */
public final class CachingProductRepository implements ProductRepository {
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    /** The benchmark's catalog pages are 10,080 distinct queries (bench/lua/common.lua). */
    static final int MAX_PAGES = 16_384;
    static final int MAX_PRODUCTS = 65_536;
    /**
     * What a generation's products may take, estimated from their text (descriptions may be 5,000
     * characters): the server's JVM has a 112 MB heap (docs/performance.md).
     */
    static final long MAX_PRODUCT_BYTES = 24L * 1024 * 1024;

    private final JdbiProductRepository delegate;
    private final Database database;
    private final AtomicLong version;
    private final AtomicReference<Generation> current;
    private final ChangeFeed.Watch poll;
    private final int maxPages;
    private final int maxProducts;
    private final long maxProductBytes;

    public CachingProductRepository(JdbiProductRepository delegate) {
        this(delegate, System::nanoTime, POLL_INTERVAL, MAX_PAGES, MAX_PRODUCTS, MAX_PRODUCT_BYTES);
    }

    /** @param nanoTime a monotonic clock (wall time may jump back, and tests freeze their clocks) */
    CachingProductRepository(JdbiProductRepository delegate, LongSupplier nanoTime, Duration pollInterval,
                             int maxPages, int maxProducts, long maxProductBytes) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.database = delegate.database();
        this.version = delegate.catalogVersion();
        this.current = new AtomicReference<>(new Generation(version.get() - 1));
        this.maxPages = maxPages;
        this.maxProducts = maxProducts;
        this.maxProductBytes = maxProductBytes;
        this.poll = database.changes().watch(ChangeFeed.Topic.CATALOG, nanoTime, pollInterval);
    }

    @Override
    public Page<Product> search(ProductFilter filter, ProductSort sort, PageRequest page) {
        SearchKey key = SearchKey.of(filter, sort, page);
        return cached(() -> delegate.search(filter, sort, page), generation -> generation.pages.get(key),
                (generation, loaded) -> generation.storePage(key, loaded, maxPages, maxProducts, maxProductBytes));
    }

    @Override
    public Optional<Product> findById(ProductId id) {
        return cached(() -> delegate.findById(id), generation -> {
            Product hit = generation.products.get(id);
            return hit == null ? null : Optional.of(hit);
        }, (generation, loaded) -> loaded.map(p -> Objects.requireNonNullElse(generation.share(p, maxProducts, maxProductBytes), p)));
    }

    @Override
    public List<CategorySummary> categories() {
        return cached(() -> List.copyOf(delegate.categories()), generation -> generation.categories,
                (generation, loaded) -> generation.categories = loaded);
    }

    /**
     * A read from the current generation, or from the database; a miss is stored if its snapshot
     * is known to be newer than the generation's version.
     *
     * @param lookup null when the generation does not hold the answer
     * @param store  stores the database's answer and gives the one to return
     */
    private <T> T cached(Supplier<T> fromDatabase, Function<Generation, T> lookup, BiFunction<Generation, T, T> store) {
        if (database.inWriteTransaction()) {
            return fromDatabase.get();
        }
        Read read = begin();
        T hit = read.generation == null ? null : lookup.apply(read.generation);
        if (hit != null) {
            return hit;
        }
        // In one snapshot: the caller's read-only transaction, or one of its own.
        T loaded = database.transactions().readOnly(fromDatabase);
        return read.storable ? store.apply(read.generation, loaded) : loaded;
    }

    /** The generation to read, if it is the current one, and whether a miss may be stored in it. */
    private record Read(Generation generation, boolean storable) {}

    private Read begin() {
        // The version first: the snapshot that a miss reads (or the poll's read) must start after it.
        boolean freshSnapshot = database.nextReadSeesLatestCommits();
        long seen = version.get();
        pollIfDue();
        long now = version.get();
        Generation generation = generation(now);
        return new Read(generation, freshSnapshot && now == seen && generation != null);
    }

    /** The generation of {@code seen}, started if it is newer than the current one; null if it is outdated. */
    private Generation generation(long seen) {
        Generation generation = current.get();
        while (generation.version < seen) {
            Generation fresh = new Generation(seen);
            if (current.compareAndSet(generation, fresh)) {
                return fresh;
            }
            generation = current.get();
        }
        return generation.version == seen ? generation : null;
    }

    private void pollIfDue() {
        if (poll.movedIfDue()) {
            version.incrementAndGet();
        }
    }

    /** Pages held by the current generation, for tests. */
    int cachedPages() {
        return current.get().pages.size();
    }

    /** Products held by the current generation, for tests. */
    int cachedProducts() {
        return current.get().products.size();
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

    /** Everything read at one catalog version. */
    private static final class Generation {
        final long version;
        final ConcurrentHashMap<SearchKey, Page<Product>> pages = new ConcurrentHashMap<>();
        /** One instance per id, shared by every page of the generation; also answers findById. */
        final ConcurrentHashMap<ProductId, Product> products = new ConcurrentHashMap<>();
        private final AtomicInteger pageCount = new AtomicInteger();
        private final AtomicInteger productCount = new AtomicInteger();
        private final AtomicLong productBytes = new AtomicLong();
        volatile List<CategorySummary> categories;

        Generation(long version) {
            this.version = version;
        }

        /** Stores the page with shared products if there is room; the page to answer with. */
        Page<Product> storePage(SearchKey key, Page<Product> page, int maxPages, int maxProducts, long maxBytes) {
            if (!reserve(pageCount, maxPages)) {
                return page;
            }
            List<Product> items = new ArrayList<>(page.items().size());
            for (Product product : page.items()) {
                Product shared = share(product, maxProducts, maxBytes);
                if (shared == null) {
                    pageCount.decrementAndGet();
                    return page;
                }
                items.add(shared);
            }
            Page<Product> stored = new Page<>(items, page.page(), page.pageSize(), page.total());
            Page<Product> known = pages.putIfAbsent(key, stored);
            if (known != null) {
                pageCount.decrementAndGet();
                return known;
            }
            return stored;
        }

        /**
         * The generation's instance of this product, adding it if there is room (null if not). A
         * differing instance (another process wrote between two reads of one generation) is kept
         * apart, so a page always holds exactly what the database returned.
         */
        Product share(Product product, int maxProducts, long maxBytes) {
            Product known = products.get(product.id());
            if (known == null) {
                long bytes = approximateBytes(product);
                if (!reserve(productCount, maxProducts)) {
                    return null;
                }
                if (productBytes.addAndGet(bytes) > maxBytes) {
                    productBytes.addAndGet(-bytes);
                    productCount.decrementAndGet();
                    return null;
                }
                known = products.putIfAbsent(product.id(), product);
                if (known == null) {
                    return product;
                }
                productBytes.addAndGet(-bytes);
                productCount.decrementAndGet();
            }
            return known.equals(product) ? known : product;
        }

        /** The product's objects and its text at two bytes a character (measured: ~520 bytes short). */
        private static long approximateBytes(Product product) {
            return 400L + 2L * product.textLength();
        }

        private static boolean reserve(AtomicInteger count, int max) {
            if (count.incrementAndGet() <= max) {
                return true;
            }
            count.decrementAndGet();
            return false;
        }
    }
}
