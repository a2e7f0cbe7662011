package dev.storefront.domain.catalog;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A product about to be added to the catalog: everything but the id, which the store assigns.
 * New products are active. Build one with {@link #create}, which applies {@link ProductRules}.
 */
public record NewProduct(Sku sku, String name, String description, String category, Money price, int stock,
                         boolean active, Instant createdAt, List<String> images) {

    public NewProduct {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(createdAt, "createdAt");
        name = ProductRules.clean(Objects.requireNonNull(name, "name"));
        description = ProductRules.clean(Objects.requireNonNull(description, "description"));
        category = ProductRules.clean(Objects.requireNonNull(category, "category"));
        images = Product.requireValidImages(images);
        List<FieldViolation> violations = ProductRules.check(sku.value(), name, description, category,
                price.amount(), stock, images, true);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.get(0).field() + " " + violations.get(0).message());
        }
    }

    /**
     * The business factory: checks every field and reports all that break a rule at once.
     * A {@code null} description is empty, {@code null} images none; every other {@code null} field is missing.
     *
     * @throws InvalidInputException listing the fields that break {@link ProductRules}
     */
    public static NewProduct create(String sku, String name, String description, String category, BigDecimal price,
                                    Integer stock, List<String> images, Currency currency, Instant now) {
        List<FieldViolation> violations = ProductRules.check(sku, name, description, category, price, stock, images,
                true);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new NewProduct(new Sku(sku), name, description == null ? "" : description, category,
                new Money(price, currency), stock, true, now, images == null ? List.of() : images);
    }

    /** The product once stored under {@code id}. */
    public Product withId(ProductId id) {
        return new Product(id, sku, name, description, category, price, stock, active, createdAt, images);
    }
}
