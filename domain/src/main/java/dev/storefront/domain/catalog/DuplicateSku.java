package dev.storefront.domain.catalog;

import dev.storefront.domain.common.ConflictException;
import dev.storefront.domain.common.FieldViolation;
import java.util.List;

/** Another product already has this SKU (SKUs are compared regardless of case). */
public final class DuplicateSku extends ConflictException {
    private static final long serialVersionUID = 1L;
    private final transient Sku sku;

    public DuplicateSku(Sku sku) {
        super("The sku is already used by another product",
                List.of(new FieldViolation("sku", "is already used by another product")));
        this.sku = sku;
    }

    public Sku sku() {
        return sku;
    }
}
