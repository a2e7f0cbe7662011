package dev.storefront.persistence.jdbi;

import dev.storefront.persistence.sqlite.SqliteDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductFilter;
import dev.storefront.domain.catalog.ProductSort;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.contract.ProductRepositoryContract;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The product repository contract against real SQLite in a temporary file. */
class JdbiProductRepositoryIT extends ProductRepositoryContract {
    @TempDir
    Path directory;
    private SqliteDatabase database;
    private ProductRepository repository;

    @BeforeEach
    void freshDatabase() {
        database = SqliteDatabase.open("jdbc:sqlite:" + directory.resolve("catalog.db"));
        repository = repositoryOn(database);
    }

    /** The repository under test; subclasses put something in front of the SQLite one. */
    ProductRepository repositoryOn(SqliteDatabase database) {
        return new JdbiProductRepository(database, USD);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    /**
     * The listing indexes check "in stock" on a flag that triggers keep (V9), so it must follow the
     * stock through every way of writing it: the repository's calls (seen through its search) and
     * anyone's raw SQL (seen in the rows: a caching repository answers those after its poll).
     */
    @Test
    void theInStockFlagFollowsTheStockWhoeverWritesIt() {
        Product product = repository.add(newProduct("FLAG-1", "Flagged", "Tea", "2.00", 2));
        Product empty = repository.add(newProduct("FLAG-2", "Empty", "Tea", "2.00", 0));
        assertEquals(List.of("FLAG-1"), inStockSkus());
        assertEquals(Map.of("FLAG-1", 1, "FLAG-2", 0), flags());

        assertTrue(repository.takeStock(product.id(), 1));
        assertEquals(List.of("FLAG-1"), inStockSkus(), "one left: still in stock");
        assertTrue(database.transactions().inTransaction(() -> repository.takeStock(Map.of(product.id(), 1))).isEmpty());
        assertEquals(List.of(), inStockSkus(), "sold out");
        assertTrue(repository.returnStock(product.id(), 3));
        assertEquals(List.of("FLAG-1"), inStockSkus(), "returned");

        database.withHandle(h -> h.execute("UPDATE product SET stock = 5 WHERE id = ?", empty.id().value()));
        database.withHandle(h -> h.execute("UPDATE product SET stock = 0 WHERE id = ?", product.id().value()));
        assertEquals(Map.of("FLAG-1", 0, "FLAG-2", 1), flags(), "raw SQL on the stock");
        database.withHandle(h -> h.execute("UPDATE product SET in_stock = 1 WHERE id = ?", product.id().value()));
        database.withHandle(h -> h.execute("INSERT INTO product (sku, name, description, category, price_minor,"
                + " stock, active, in_stock, created_at, search_text) VALUES ('FLAG-3', 'Raw', '', 'Tea', 1, 0, 1, 1, 0, 'raw')"));
        assertEquals(Map.of("FLAG-1", 0, "FLAG-2", 1, "FLAG-3", 0), flags(), "a flag written wrong is put right");
    }

    private List<String> inStockSkus() {
        return repository.search(new ProductFilter(null, "Tea", null, null, true), ProductSort.NAME, new PageRequest(1, 10))
                .items().stream().map(p -> p.sku().value()).sorted().toList();
    }

    private Map<String, Integer> flags() {
        return database.withHandle(h -> h.createQuery("SELECT sku, in_stock FROM product")
                .reduceRows(new java.util.TreeMap<String, Integer>(), (map, row) -> {
                    map.put(row.getColumn("sku", String.class), row.getColumn("in_stock", Integer.class));
                    return map;
                }));
    }

    @Override
    protected ProductRepository repository() {
        return repository;
    }

    @Override
    protected Transactions transactions() {
        return database.transactions();
    }
}
