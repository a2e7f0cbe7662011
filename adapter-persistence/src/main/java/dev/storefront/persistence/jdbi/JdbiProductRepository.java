package dev.storefront.persistence.jdbi;

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
import dev.storefront.domain.money.Money;
import dev.storefront.domain.port.out.ProductRepository;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.Update;

/**
 * Products in SQLite. The search SQL is assembled only from the fixed fragments below, chosen by
 * which filters are present and by the {@link ProductSort} constant; every value a client sent is a
 * bound parameter. Text search runs on {@code search_text} (name and description lower-cased by
 * Java, so case-insensitive beyond ASCII) with {@code LIKE} and the wildcards escaped.
 */
public final class JdbiProductRepository implements ProductRepository {
    private static final char LIKE_ESCAPE = '\\';
    /** Between name and description in {@code search_text}; search text cannot contain it. */
    private static final char SEARCH_SEPARATOR = '\u001f';

    private final Database database;
    private final Currency currency;
    /** Told, after the COMMIT, what each committed change through this repository changed. */
    private final List<Consumer<List<ProductChange>>> committedChanges = new CopyOnWriteArrayList<>();

    /** @param currency the store's currency, which every stored amount of minor units is in */
    public JdbiProductRepository(Database database, Currency currency) {
        this.database = Objects.requireNonNull(database, "database");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    Database database() {
        return database;
    }

    /** Registers what {@link CachingProductRepository} drops its affected entries by. */
    void onCommittedChanges(Consumer<List<ProductChange>> listener) {
        committedChanges.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public Product add(NewProduct product) {
        Objects.requireNonNull(product, "product");
        long id = writing(() -> uniqueSku(product.sku(), () -> database.withHandle(h -> bindColumns(h.createUpdate(
                        "INSERT INTO product (sku, name, description, category, price_minor, stock, active, created_at,"
                                + " search_text, images) VALUES (:sku, :name, :description, :category, :price, :stock,"
                                + " :active, :createdAt, :searchText, :images)"), product.sku(), product.name(),
                        product.description(), product.category(), product.price(), product.stock(), product.active(),
                        product.images())
                .bind("createdAt", product.createdAt().toEpochMilli())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one())));
        productsChanged(List.of(new ProductChange(new ProductId(id), ProductChange.Kind.LISTING)));
        return product.withId(new ProductId(id));
    }

    /** The columns a new and a changed product both write, search text included. */
    private static Update bindColumns(Update update, Sku sku, String name, String description, String category,
                                      Money price, int stock, boolean active, List<String> images) {
        return update.bind("sku", sku.value())
                .bind("name", name)
                .bind("description", description)
                .bind("category", category)
                .bind("price", price.toMinorUnits())
                .bind("stock", stock)
                .bind("active", active ? 1 : 0)
                .bind("searchText", searchText(name, description))
                .bind("images", ProductRow.images(images));
    }

    @Override
    /**
     * Reads the row first (locked, in the same transaction), so that the change can be told by
     * what it affects: an admin's stock edit is a stock change, not a new listing.
     */
    public void update(Product product) {
        Objects.requireNonNull(product, "product");
        ProductChange change = writing(() -> {
            Product before = findById(product.id(), database.dialect().forUpdate())
                    .orElseThrow(() -> new IllegalStateException("no product " + product.id()));
            int rows = uniqueSku(product.sku(), () -> database.withHandle(h -> bindColumns(h.createUpdate(
                            "UPDATE product SET sku = :sku, name = :name, description = :description, category = :category,"
                                    + " price_minor = :price, stock = :stock, active = :active, search_text = :searchText,"
                                    + " images = :images WHERE id = :id"), product.sku(), product.name(),
                            product.description(), product.category(), product.price(), product.stock(),
                            product.active(), product.images())
                    .bind("id", product.id().value())
                    .execute()));
            if (rows != 1) {
                throw new IllegalStateException("no product " + product.id());
            }
            return sameListing(before, product)
                    ? ProductChange.ofStock(product.id(), before.isInStock(), product.isInStock())
                    : new ProductChange(product.id(), ProductChange.Kind.LISTING);
        });
        productsChanged(List.of(change));
    }

    /**
     * Whether all a search lists or orders products by is equal: only the stock may differ. The
     * images order and filter nothing, but a change of them is told as a listing change, as a new
     * name is: every page and the product's entry are dropped (rare admin edits; no third kind of
     * change for the caches and the other instances to learn).
     */
    private static boolean sameListing(Product before, Product after) {
        return before.images().equals(after.images()) && before.sku().equals(after.sku()) && before.name().equals(after.name())
                && before.description().equals(after.description()) && before.category().equals(after.category())
                && before.price().toMinorUnits() == after.price().toMinorUnits() && before.active() == after.active();
    }

    /** A write in a transaction (the caller's, or one of its own), so what it reads back is its own. */
    private <T> T writing(Supplier<T> write) {
        return database.transactions().inTransaction(() -> database.changes().write(ChangeFeed.Topic.CATALOG, write));
    }

    /**
     * Once these changes commit: tells the caches in this process what changed, and other processes
     * by the changes' keys.
     */
    private void productsChanged(List<ProductChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        database.afterCommit(() -> committedChanges.forEach(listener -> listener.accept(changes)));
        changes.forEach(change -> database.changes().publish(ChangeFeed.Topic.CATALOG, change.key()));
    }

    /**
     * The stock changes of these products, just written in this transaction (so their rows are
     * this transaction's, locked): a flip where the stock now is the value given for its id.
     */
    private List<ProductChange> stockChanges(Map<ProductId, Integer> stockIfFlipped) {
        if (stockIfFlipped.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> stock = database.withHandle(h -> h.createQuery("SELECT id, stock FROM product WHERE id IN (<ids>)")
                .bindList("ids", stockIfFlipped.keySet().stream().map(ProductId::value).toList())
                .reduceRows(new HashMap<Long, Integer>(), (found, row) -> {
                    found.put(row.getColumn("id", Long.class), row.getColumn("stock", Integer.class));
                    return found;
                }));
        List<ProductChange> changes = new ArrayList<>(stockIfFlipped.size());
        stockIfFlipped.forEach((id, flippedAt) -> changes.add(Objects.equals(stock.get(id.value()), flippedAt)
                ? new ProductChange(id, ProductChange.Kind.IN_STOCK_FLIPPED)
                : new ProductChange(id, ProductChange.Kind.STOCK)));
        return changes;
    }

    private <T> T uniqueSku(Sku sku, Supplier<T> write) {
        try {
            return write.get();
        } catch (StatementException e) {
            if (database.dialect().isUniqueViolation(e)) {
                throw new DuplicateSku(sku);
            }
            throw e;
        }
    }

    static String searchText(String name, String description) {
        return name.toLowerCase(Locale.ROOT) + SEARCH_SEPARATOR + description.toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<Product> findById(ProductId id) {
        return findById(id, "");
    }

    private Optional<Product> findById(ProductId id, String lock) {
        return database.withHandle(h -> h.createQuery("SELECT " + ProductRow.COLUMNS + " FROM product WHERE id = :id" + lock)
                .bind("id", id.value())
                .map((rs, ctx) -> ProductRow.read(rs))
                .findOne())
                .map(row -> row.toProduct(currency));
    }

    @Override
    public Optional<Product> findByIdForUpdate(ProductId id) {
        // A row lock where readers do not block writers; SQLite's single writer needs none.
        return findById(id, database.dialect().forUpdate());
    }

    @Override
    public List<Product> findAllById(List<ProductId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return database.withHandle(h -> h.createQuery("SELECT " + ProductRow.COLUMNS + " FROM product WHERE id IN (<ids>)")
                .bindList("ids", ids.stream().map(ProductId::value).distinct().toList())
                .map((rs, ctx) -> ProductRow.read(rs))
                .list())
                .stream().map(row -> row.toProduct(currency)).toList();
    }

    @Override
    public Optional<Product> findBySku(Sku sku) {
        return database.withHandle(h -> h.createQuery("SELECT " + ProductRow.COLUMNS + " FROM product WHERE "
                        + database.dialect().foldCase("sku") + " = " + database.dialect().foldCase(":sku"))
                .bind("sku", sku.value())
                .map((rs, ctx) -> ProductRow.read(rs))
                .findOne())
                .map(row -> row.toProduct(currency));
    }

    @Override
    public Page<Product> search(ProductFilter filter, ProductSort sort, PageRequest page) {
        SearchSql sql = SearchSql.of(filter, sort);
        // The count and the page in one snapshot (the caller's transaction, or one of their own).
        return database.transactions().readOnly(() -> database.withHandle(h -> {
            long total = sql.bind(h.createQuery(sql.count())).mapTo(Long.class).one();
            List<Product> items = total <= page.offset() ? List.of()
                    : sql.bind(h.createQuery(sql.select(orderBy(sort))))
                            .bind("limit", page.pageSize())
                            .bind("offset", page.offset())
                            .map((rs, ctx) -> ProductRow.read(rs))
                            .list()
                            .stream().map(row -> row.toProduct(currency)).toList();
            return Page.of(items, page, total);
        }));
    }

    /**
     * The query plans SQLite chooses for a search (the page query first, then the count), as the
     * {@code detail} lines of {@code EXPLAIN QUERY PLAN}; for tests that prove the indexes are used.
     */
    List<String> explainSearch(ProductFilter filter, ProductSort sort) {
        SearchSql sql = SearchSql.of(filter, sort);
        return database.withHandle(h -> {
            List<String> plan = new ArrayList<>();
            plan.addAll(sql.bind(h.createQuery("EXPLAIN QUERY PLAN " + sql.select(orderBy(sort))))
                    .bind("limit", 20).bind("offset", 0)
                    .map((rs, ctx) -> "select: " + rs.getString("detail")).list());
            plan.addAll(sql.bind(h.createQuery("EXPLAIN QUERY PLAN " + sql.count()))
                    .map((rs, ctx) -> "count: " + rs.getString("detail")).list());
            return plan;
        });
    }

    /**
     * The WHERE clause of a search, made of fixed fragments, and the values bound to it. The count
     * narrows a price band through the price indexes. A page in another order walks the index of
     * its sort instead: the price terms are written {@code +price_minor} so SQLite cannot pick the
     * price index and then sort every row of the band, which costs a table read per row; the sort
     * indexes carry price and the in-stock flag (V6, V9), so walking them checks the band without table reads and
     * stops after one page.
     */
    private record SearchSql(String where, String pageWhere, Map<String, Object> values) {
        static SearchSql of(ProductFilter filter, ProductSort sort) {
            boolean byPrice = sort == ProductSort.PRICE || sort == ProductSort.PRICE_DESCENDING;
            StringBuilder where = new StringBuilder(" WHERE active = 1");
            StringBuilder pageWhere = new StringBuilder(" WHERE active = 1");
            Map<String, Object> values = new LinkedHashMap<>();
            if (filter.category() != null) {
                both(where, pageWhere, " AND category = :category");
                values.put("category", filter.category());
            }
            filter.minPriceMinorUnits().ifPresent(min -> {
                where.append(" AND price_minor >= :minPrice");
                pageWhere.append(byPrice ? " AND price_minor >= :minPrice" : " AND +price_minor >= :minPrice");
                values.put("minPrice", min);
            });
            filter.maxPriceMinorUnits().ifPresent(max -> {
                where.append(" AND price_minor <= :maxPrice");
                pageWhere.append(byPrice ? " AND price_minor <= :maxPrice" : " AND +price_minor <= :maxPrice");
                values.put("maxPrice", max);
            });
            if (filter.inStockOnly()) {
                both(where, pageWhere, " AND in_stock = 1");
            }
            if (filter.text() != null) {
                both(where, pageWhere, " AND search_text LIKE :pattern ESCAPE '" + LIKE_ESCAPE + "'");
                values.put("pattern", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
            }
            return new SearchSql(where.toString(), pageWhere.toString(), values);
        }

        private static void both(StringBuilder where, StringBuilder pageWhere, String fragment) {
            where.append(fragment);
            pageWhere.append(fragment);
        }

        String count() {
            return "SELECT COUNT(*) FROM product" + where;
        }

        String select(String orderBy) {
            return "SELECT " + ProductRow.COLUMNS + " FROM product" + pageWhere + " ORDER BY " + orderBy
                    + " LIMIT :limit OFFSET :offset";
        }

        Query bind(Query query) {
            values.forEach(query::bind);
            return query;
        }
    }

    private String orderBy(ProductSort sort) {
        return switch (sort) {
            case NAME -> database.dialect().foldCase("name") + " ASC, id ASC";
            case NAME_DESCENDING -> database.dialect().foldCase("name") + " DESC, id DESC";
            case PRICE -> "price_minor ASC, id ASC";
            case PRICE_DESCENDING -> "price_minor DESC, id DESC";
            case NEWEST -> "created_at DESC, id DESC";
        };
    }

    static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    @Override
    public List<CategorySummary> categories() {
        return database.withHandle(h -> h.createQuery("SELECT category, COUNT(*) AS products FROM product"
                        + " WHERE active = 1 GROUP BY category ORDER BY " + database.dialect().foldCase("category") + ", category")
                .map((rs, ctx) -> new CategorySummary(rs.getString("category"), rs.getLong("products")))
                .list());
    }

    @Override
    public long count() {
        return database.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM product").mapTo(Long.class).one());
    }

    @Override
    public boolean takeStock(ProductId id, int quantity) {
        return takeStock(Map.of(id, quantity)).isEmpty();
    }

    /** The conditional decrement of {@link #takeStock(ProductId, int)}, sent as one batch. */
    @Override
    public List<ProductId> takeStock(Map<ProductId, Integer> quantities) {
        quantities.values().forEach(JdbiProductRepository::requirePositive);
        if (quantities.isEmpty()) {
            return List.of();
        }
        List<ProductId> ids = List.copyOf(quantities.keySet());
        StockTaken result = writing(() -> {
            int[] taken = database.withHandle(h -> {
                PreparedBatch batch = h.prepareBatch(
                        "UPDATE product SET stock = stock - :quantity WHERE id = :id AND stock >= :quantity");
                for (ProductId id : ids) {
                    batch.bind("id", id.value()).bind("quantity", quantities.get(id)).add();
                }
                return batch.execute();
            });
            List<ProductId> notTaken = new ArrayList<>();
            Map<ProductId, Integer> soldOutAtZero = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                if (taken[i] == 1) {
                    soldOutAtZero.put(ids.get(i), 0);
                } else {
                    notTaken.add(ids.get(i));
                }
            }
            return new StockTaken(notTaken, stockChanges(soldOutAtZero));
        });
        productsChanged(result.changes());
        return result.notTaken();
    }

    private record StockTaken(List<ProductId> notTaken, List<ProductChange> changes) {}

    @Override
    public boolean returnStock(ProductId id, int quantity) {
        requirePositive(quantity);
        List<ProductChange> changes = writing(() -> {
            int rows = database.withHandle(h -> h.createUpdate("UPDATE product SET stock = stock + :quantity WHERE id = :id")
                    .bind("id", id.value())
                    .bind("quantity", quantity)
                    .execute());
            // Back in stock when what is there now is what came back.
            return rows == 1 ? stockChanges(Map.of(id, quantity)) : List.<ProductChange>of();
        });
        productsChanged(changes);
        return !changes.isEmpty();
    }

    private static void requirePositive(int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }
}
