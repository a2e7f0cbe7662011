package dev.storefront.domain.catalog;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A product of the catalog. Inactive products are hidden from the shop but stay in the store, so
 * orders that refer to them keep their lines. Instances are immutable; changes give a new one.
 */
public record Product(ProductId id, Sku sku, String name, String description, String category, Money price,
                      int stock, boolean active, Instant createdAt) {

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(createdAt, "createdAt");
        name = requireValid("name", ProductRules.clean(Objects.requireNonNull(name, "name")), ProductRules::nameProblem);
        description = requireValid("description", ProductRules.clean(Objects.requireNonNull(description, "description")),
                ProductRules::descriptionProblem);
        category = requireValid("category", ProductRules.clean(Objects.requireNonNull(category, "category")),
                ProductRules::categoryProblem);
        // Input limits (a maximum price or stock) are for what people enter; stored values only
        // have to make sense: stock returned by cancelled orders may exceed what one may type.
        if (price.isNegative()) {
            throw new IllegalArgumentException("price must not be negative");
        }
        if (stock < 0) {
            throw new IllegalArgumentException("stock must not be negative");
        }
    }

    /** Rebuilds a stored product; no business rule beyond the invariants is applied. */
    public static Product restore(ProductId id, Sku sku, String name, String description, String category,
                                  Money price, int stock, boolean active, Instant createdAt) {
        return new Product(id, sku, name, description, category, price, stock, active, createdAt);
    }

    public boolean isInStock() {
        return stock > 0;
    }

    /** The characters of its text (sku, name, description, category): what caches size it by. */
    public long textLength() {
        return (long) sku.value().length() + name.length() + description.length() + category.length();
    }

    /**
     * This product with the given fields changed; a {@code null} argument leaves its field as it is.
     * The price stays in this product's currency.
     *
     * @throws InvalidInputException listing every given field that breaks {@link ProductRules}
     */
    public Product change(String newSku, String newName, String newDescription, String newCategory,
                          BigDecimal newPrice, Integer newStock, Boolean newActive) {
        List<FieldViolation> violations = ProductRules.check(newSku, newName, newDescription, newCategory,
                newPrice, newStock, false);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Product(id,
                newSku == null ? sku : new Sku(newSku),
                newName == null ? name : newName,
                newDescription == null ? description : newDescription,
                newCategory == null ? category : newCategory,
                newPrice == null ? price : new Money(newPrice, price.currency()),
                newStock == null ? stock : newStock,
                newActive == null ? active : newActive,
                createdAt);
    }

    /** This product, hidden from the shop. */
    public Product deactivate() {
        return active ? new Product(id, sku, name, description, category, price, stock, false, createdAt) : this;
    }

    private interface Rule<T> {
        String problem(T value);
    }

    private static <T> T requireValid(String field, T value, Rule<T> rule) {
        String problem = rule.problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(field + " " + problem);
        }
        return value;
    }
}
