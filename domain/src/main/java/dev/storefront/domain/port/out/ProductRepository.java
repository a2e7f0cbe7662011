package dev.storefront.domain.port.out;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog's products, active and inactive. Methods join the caller's transaction
 * ({@link Transactions}); outside one, each call is its own.
 */
public interface ProductRepository {

    /**
     * Stores a new product and gives it its id.
     *
     * @throws DuplicateSku when another product has the sku, in any case
     */
    Product add(NewProduct product);

    /**
     * Stores every field of an existing product (found by id) as given, its stock included: pass
     * only a product read with {@link #findByIdForUpdate} in the same transaction, or a concurrent
     * checkout's decrement is undone.
     *
     * @throws DuplicateSku when another product has the new sku
     * @throws IllegalStateException when there is no product with the id
     */
    void update(Product product);

    /** A product by id, active or not. */
    Optional<Product> findById(ProductId id);

    /**
     * A product by id, to be changed and written back with {@link #update}: inside a write
     * transaction, no other transaction changes the row (its stock included) until this one ends,
     * so what is written back is what was read. PostgreSQL: {@code SELECT … FOR UPDATE}.
     */
    Optional<Product> findByIdForUpdate(ProductId id);

    /** The products with these ids that exist, active or not, in no particular order. */
    List<Product> findAllById(List<ProductId> ids);

    /** A product by sku, compared regardless of case, active or not. */
    Optional<Product> findBySku(Sku sku);

    /**
     * A page of the active products that pass the filter, in the given order (ties by id); the page
     * and its total are read from one snapshot, also outside a transaction.
     */
    Page<Product> search(ProductFilter filter, ProductSort sort, PageRequest page);

    /** The categories of the active products with their counts, by name. */
    List<CategorySummary> categories();

    /** How many products the store holds, active or not. */
    long count();

    /**
     * Takes {@code quantity} items off the stock, only if at least that many remain; atomic (the
     * check and the write are one statement), so concurrent callers can never take stock below 0.
     *
     * @return whether the stock was taken; false when there was not enough or no such product
     */
    boolean takeStock(ProductId id, int quantity);

    /**
     * Takes the stock of several products, each as {@link #takeStock(ProductId, int)} does, in the
     * map's iteration order (checkout passes ascending ids: the order rows are written in). An
     * adapter may send them to the store at once.
     *
     * @return the products whose stock was not taken (not enough left, or no such product); the
     *         others' was, so when the list is not empty the caller rolls its transaction back
     */
    default List<ProductId> takeStock(Map<ProductId, Integer> quantities) {
        List<ProductId> notTaken = new ArrayList<>();
        quantities.forEach((id, quantity) -> {
            if (!takeStock(id, quantity)) {
                notTaken.add(id);
            }
        });
        return notTaken;
    }

    /**
     * Puts {@code quantity} items back (a cancelled order); callers returning several products do so
     * in ascending id order, the order checkout takes them in, so the two never wait for each other.
     *
     * @return false when there is no such product
     */
    boolean returnStock(ProductId id, int quantity);
}
