package dev.storefront.domain.catalog;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A product of the catalog. Inactive products are hidden from the shop but stay in the store, so
 * orders that refer to them keep their lines. Instances are immutable; changes give a new one.
 * {@code images} are the product's pictures in the order they are shown (an unmodifiable list,
 * checked by {@link ProductRules}).
 */
public record Product(ProductId id, Sku sku, String name, String description, String category, Money price,
                      int stock, boolean active, Instant createdAt, List<String> images) {

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
        images = requireValidImages(images);
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
                                  Money price, int stock, boolean active, Instant createdAt, List<String> images) {
        return new Product(id, sku, name, description, category, price, stock, active, createdAt, images);
    }

    public boolean isInStock() {
        return stock > 0;
    }

    /** The characters of its text (sku, name, description, category, images): what caches size it by. */
    public long textLength() {
        long length = (long) sku.value().length() + name.length() + description.length() + category.length();
        for (String image : images) {
            length += image.length();
        }
        return length;
    }

    /**
     * This product with the given fields changed; a {@code null} argument leaves its field as it is.
     * The price stays in this product's currency; {@code newImages} replaces the whole list.
     *
     * @throws InvalidInputException listing every given field that breaks {@link ProductRules}
     */
    public Product change(String newSku, String newName, String newDescription, String newCategory,
                          BigDecimal newPrice, Integer newStock, Boolean newActive, List<String> newImages) {
        List<FieldViolation> violations = ProductRules.check(newSku, newName, newDescription, newCategory,
                newPrice, newStock, newImages, false);
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
                createdAt,
                newImages == null ? images : newImages);
    }

    /** This product, hidden from the shop. */
    public Product deactivate() {
        return active ? new Product(id, sku, name, description, category, price, stock, false, createdAt, images) : this;
    }

    /** An unmodifiable copy, every entry obeying {@link ProductRules}: the invariant of both records. */
    static List<String> requireValidImages(List<String> images) {
        Objects.requireNonNull(images, "images");
        List<String> copy = new ArrayList<>(images); // List.copyOf would throw a bare NPE for a null entry
        List<FieldViolation> violations = ProductRules.imageViolations(copy);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.get(0).field() + " " + violations.get(0).message());
        }
        return List.copyOf(copy);
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
