package dev.storefront.inmemory;

import dev.storefront.domain.catalog.CategorySummary;
import dev.storefront.domain.catalog.DuplicateSku;
import dev.storefront.domain.catalog.NewProduct;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductFilter;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.ProductSort;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.port.out.ProductRepository;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Products in a map, behaving like the SQLite repository (the same contract tests run against
 * both): SKUs unique regardless of case, text search case-insensitive and literal, names sorted
 * with ASCII letters folded, ties broken by id. Registered with the {@link InMemoryTransactions}
 * it is given, so a failed transaction puts it back as it was.
 */
public final class InMemoryProductRepository implements ProductRepository, InMemoryTransactions.Participant {
    private final Map<ProductId, Product> byId = new LinkedHashMap<>();
    private final List<ProductId> readForUpdate = new ArrayList<>();
    private long lastId;

    public InMemoryProductRepository(InMemoryTransactions transactions) {
        transactions.register(this);
    }

    @Override
    public synchronized Runnable snapshot() {
        Runnable restoreRows = Snapshots.of(this, byId);
        long id = lastId;
        return () -> {
            synchronized (this) {
                restoreRows.run();
                lastId = id;
            }
        };
    }

    @Override
    public synchronized Product add(NewProduct product) {
        Objects.requireNonNull(product, "product");
        requireSkuFree(product.sku(), null);
        Product stored = product.withId(new ProductId(++lastId));
        byId.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized void update(Product product) {
        Objects.requireNonNull(product, "product");
        if (!byId.containsKey(product.id())) {
            throw new IllegalStateException("no product " + product.id());
        }
        requireSkuFree(product.sku(), product.id());
        byId.put(product.id(), product);
    }

    private void requireSkuFree(Sku sku, ProductId owner) {
        for (Product other : byId.values()) {
            if (other.sku().sameAs(sku) && !other.id().equals(owner)) {
                throw new DuplicateSku(sku);
            }
        }
    }

    @Override
    public synchronized Optional<Product> findById(ProductId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Also recorded ({@link #readForUpdate()}): the fakes' one writer at a time already keeps the row. */
    @Override
    public synchronized Optional<Product> findByIdForUpdate(ProductId id) {
        readForUpdate.add(id);
        return findById(id);
    }

    /** The ids read with {@link #findByIdForUpdate}, in order, for tests of the use cases. */
    public synchronized List<ProductId> readForUpdate() {
        return List.copyOf(readForUpdate);
    }

    @Override
    public synchronized List<Product> findAllById(List<ProductId> ids) {
        return ids.stream().distinct().map(byId::get).filter(Objects::nonNull).toList();
    }

    @Override
    public synchronized Optional<Product> findBySku(Sku sku) {
        return byId.values().stream().filter(p -> p.sku().sameAs(sku)).findFirst();
    }

    @Override
    public synchronized Page<Product> search(ProductFilter filter, ProductSort sort, PageRequest page) {
        List<Product> matching = byId.values().stream()
                .filter(Product::active)
                .filter(matches(filter))
                .sorted(order(sort))
                .toList();
        List<Product> items = matching.stream()
                .skip(page.offset())
                .limit(page.pageSize())
                .toList();
        return Page.of(items, page, matching.size());
    }

    private static Predicate<Product> matches(ProductFilter filter) {
        Predicate<Product> predicate = p -> true;
        if (filter.text() != null) {
            String needle = filter.text().toLowerCase(Locale.ROOT);
            predicate = predicate.and(p -> p.name().toLowerCase(Locale.ROOT).contains(needle)
                    || p.description().toLowerCase(Locale.ROOT).contains(needle));
        }
        if (filter.category() != null) {
            predicate = predicate.and(p -> p.category().equals(filter.category()));
        }
        if (filter.minPrice() != null) {
            BigDecimal min = filter.minPrice();
            predicate = predicate.and(p -> p.price().amount().compareTo(min) >= 0);
        }
        if (filter.maxPrice() != null) {
            BigDecimal max = filter.maxPrice();
            predicate = predicate.and(p -> p.price().amount().compareTo(max) <= 0);
        }
        if (filter.inStockOnly()) {
            predicate = predicate.and(Product::isInStock);
        }
        return predicate;
    }

    private static Comparator<Product> order(ProductSort sort) {
        Comparator<Product> byId = Comparator.comparingLong(p -> p.id().value());
        Comparator<Product> byName = Comparator.comparing(Product::name, InMemoryProductRepository::compareNoCase);
        Comparator<Product> byPrice = Comparator.comparing(Product::price);
        Comparator<Product> byCreated = Comparator.comparing(Product::createdAt);
        return switch (sort) {
            case NAME -> byName.thenComparing(byId);
            case NAME_DESCENDING -> byName.thenComparing(byId).reversed();
            case PRICE -> byPrice.thenComparing(byId);
            case PRICE_DESCENDING -> byPrice.thenComparing(byId).reversed();
            case NEWEST -> byCreated.thenComparing(byId).reversed();
        };
    }

    /** SQLite's NOCASE: ASCII letters folded, then code point order (which is UTF-8 byte order). */
    static int compareNoCase(String a, String b) {
        int[] x = a.codePoints().map(InMemoryProductRepository::foldAscii).toArray();
        int[] y = b.codePoints().map(InMemoryProductRepository::foldAscii).toArray();
        return java.util.Arrays.compare(x, y);
    }

    private static int foldAscii(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    @Override
    public synchronized List<CategorySummary> categories() {
        Map<String, Long> counts = new TreeMap<>(Comparator.<String, String>comparing(s -> s,
                InMemoryProductRepository::compareNoCase).thenComparing(Comparator.naturalOrder()));
        byId.values().stream().filter(Product::active)
                .forEach(p -> counts.merge(p.category(), 1L, Long::sum));
        List<CategorySummary> result = new ArrayList<>();
        counts.forEach((name, count) -> result.add(new CategorySummary(name, count)));
        return result;
    }

    @Override
    public synchronized long count() {
        return byId.size();
    }

    @Override
    public synchronized boolean takeStock(ProductId id, int quantity) {
        requirePositive(quantity);
        Product product = byId.get(id);
        if (product == null || product.stock() < quantity) {
            return false;
        }
        byId.put(id, withStock(product, product.stock() - quantity));
        return true;
    }

    @Override
    public synchronized boolean returnStock(ProductId id, int quantity) {
        requirePositive(quantity);
        Product product = byId.get(id);
        if (product == null) {
            return false;
        }
        byId.put(id, withStock(product, Math.addExact(product.stock(), quantity)));
        return true;
    }

    private static void requirePositive(int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }

    private static Product withStock(Product p, int stock) {
        return Product.restore(p.id(), p.sku(), p.name(), p.description(), p.category(), p.price(), stock,
                p.active(), p.createdAt(), p.images());
    }

    /** Every product, active or not, by id (for tests). */
    public synchronized List<Product> all() {
        return Stream.of(byId.values().toArray(Product[]::new)).sorted(Comparator.comparingLong(p -> p.id().value()))
                .toList();
    }
}
