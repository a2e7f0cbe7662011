package dev.storefront.application.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.catalog.CategorySummary;
import dev.storefront.domain.catalog.DuplicateSku;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductFilter;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.ProductNotFound;
import dev.storefront.domain.catalog.ProductSort;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.port.in.catalog.CreateProductCommand;
import dev.storefront.domain.port.in.catalog.ProductSearchQuery;
import dev.storefront.domain.port.in.catalog.UpdateProductCommand;
import dev.storefront.inmemory.InMemoryProductRepository;
import dev.storefront.inmemory.InMemoryTransactions;
import dev.storefront.inmemory.ManualTimeSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog use cases over the in-memory fakes. */
class CatalogServicesTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryProductRepository products = new InMemoryProductRepository(transactions);
    private final ManualTimeSource time = new ManualTimeSource(NOW);
    private final CreateProductService create = new CreateProductService(products, transactions, time, EUR);
    private final UpdateProductService update = new UpdateProductService(products, transactions);
    private final DeactivateProductService deactivate = new DeactivateProductService(products, transactions);
    private final GetProductService get = new GetProductService(products);
    private final SearchProductsService search = new SearchProductsService(products);
    private final ListCategoriesService categories = new ListCategoriesService(products);

    private Product create(String sku, String category, String price, int stock) {
        return create.createProduct(new CreateProductCommand(sku, "Product " + sku, null, category,
                new BigDecimal(price), stock, null));
    }

    private static List<String> fields(InvalidInputException e) {
        return e.violations().stream().map(FieldViolation::field).toList();
    }

    @Test
    void createsAnActiveProductInTheStoreCurrencyAtTheCurrentTime() {
        Product product = create.createProduct(new CreateProductCommand("KETTLE-1", "  Kettle ", "Boils water",
                " Kitchen ", new BigDecimal("39.9"), 4, null));

        assertEquals("Kettle", product.name());
        assertEquals("Kitchen", product.category());
        assertEquals(Money.of("39.90", EUR), product.price());
        assertEquals(NOW, product.createdAt());
        assertTrue(product.active());
        assertEquals(product, products.findById(product.id()).orElseThrow());
    }

    @Test
    void creationNamesEveryInvalidFieldAndStoresNothing() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> create.createProduct(
                new CreateProductCommand("no spaces allowed", "", "x".repeat(5001), null, new BigDecimal("-0.01"), 1_000_001, null)));

        assertEquals(List.of("sku", "name", "description", "category", "price", "stock"), fields(e));
        assertEquals(0, products.count());
    }

    @Test
    void creationRejectsASkuTakenInAnyCase() {
        create("LAMP-1", "Home", "10.00", 1);

        DuplicateSku e = assertThrows(DuplicateSku.class, () -> create("lamp-1", "Home", "10.00", 1));

        assertEquals("sku", e.violations().get(0).field());
        assertEquals(1, products.count());
    }

    @Test
    void updateChangesOnlyTheGivenFields() {
        Product lamp = create("LAMP-1", "Home", "10.00", 1);

        Product changed = update.updateProduct(new UpdateProductCommand(lamp.id(), null, null, null, "Lighting",
                new BigDecimal("12.5"), null, null, null));

        assertEquals("Lighting", changed.category());
        assertEquals(Money.of("12.50", EUR), changed.price());
        assertEquals(lamp.name(), changed.name());
        assertEquals(lamp.stock(), changed.stock());
        assertEquals(changed, products.findById(lamp.id()).orElseThrow());
    }

    @Test
    void updateOfAnUnknownProductIsNotFound() {
        assertThrows(ProductNotFound.class, () -> update.updateProduct(
                new UpdateProductCommand(new ProductId(99), null, "Name", null, null, null, null, null, null)));
    }

    @Test
    void updateRejectsInvalidFieldsAndChangesNothing() {
        Product lamp = create("LAMP-1", "Home", "10.00", 1);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> update.updateProduct(
                new UpdateProductCommand(lamp.id(), null, " ", null, null, new BigDecimal("1.001"), -1, null, null)));

        assertEquals(List.of("name", "price", "stock"), fields(e));
        assertEquals(lamp, products.findById(lamp.id()).orElseThrow());
    }

    @Test
    void updateRejectsTheSkuOfAnotherProductButAllowsRecasingItsOwn() {
        create("TAKEN", "Home", "1.00", 1);
        Product lamp = create("lamp", "Home", "1.00", 1);

        assertThrows(DuplicateSku.class, () -> update.updateProduct(
                new UpdateProductCommand(lamp.id(), "taken", null, null, null, null, null, null, null)));
        Product recased = update.updateProduct(new UpdateProductCommand(lamp.id(), "LAMP", null, null, null, null, null, null, null));

        assertEquals("LAMP", recased.sku().value());
    }

    @Test
    void deactivationHidesTheProductButKeepsIt() {
        Product lamp = create("LAMP-1", "Home", "10.00", 1);

        deactivate.deactivateProduct(lamp.id());
        deactivate.deactivateProduct(lamp.id());

        assertThrows(ProductNotFound.class, () -> get.getProduct(lamp.id()));
        assertEquals(0, search.searchProducts(ProductSearchQuery.all()).total());
        assertFalse(products.findById(lamp.id()).orElseThrow().active());
        assertThrows(ProductNotFound.class, () -> deactivate.deactivateProduct(new ProductId(12345)));

        update.updateProduct(new UpdateProductCommand(lamp.id(), null, null, null, null, null, null, true, null));
        assertEquals(lamp.id(), get.getProduct(lamp.id()).id());
    }

    @Test
    void searchAndCategoriesSeeOnlyActiveProducts() {
        create("A", "Home", "5.00", 1);
        time.advance(Duration.ofMinutes(1));
        create("B", "Home", "50.00", 0);
        time.advance(Duration.ofMinutes(1));
        Product c = create("C", "Garden", "500.00", 2);
        deactivate.deactivateProduct(c.id());

        Page<Product> newest = search.searchProducts(new ProductSearchQuery(ProductFilter.none(), ProductSort.NEWEST,
                new PageRequest(1, 1)));

        assertEquals("B", newest.items().get(0).sku().value());
        assertEquals(2, newest.total());
        assertEquals(List.of(new CategorySummary("Home", 2)), categories.listCategories());
    }

    @Test
    void anUpdateOrADeactivationReadsTheProductForUpdateSoItNeverWritesBackAnEarlierStock() {
        Product product = create("ROW-LOCK", "Kitchen", "5.00", 10);

        update.updateProduct(new UpdateProductCommand(product.id(), null, "Renamed", null, null, null, null, null, null));
        assertEquals(List.of(product.id()), products.readForUpdate());

        deactivate.deactivateProduct(product.id());
        assertEquals(List.of(product.id(), product.id()), products.readForUpdate());
    }
}
