package dev.storefront.http.catalog;

import dev.storefront.domain.catalog.Product;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A product as the API shows it: the price as a string with exactly two decimals plus the
 * currency, the creation time as an ISO-8601 UTC string ({@code 2026-11-22T10:15:30Z}), the images
 * as an array of URLs in their order ({@code []} for none). Responses
 * carry it written once, through {@link ProductJsonCache}.
 */
public record ProductResponse(long id, String sku, String name, String description, String category, String price,
                              String currency, int stock, boolean active, String createdAt,
                              List<String> images) {

    public static ProductResponse from(Product product) {
        return new ProductResponse(product.id().value(), product.sku().value(), product.name(), product.description(),
                product.category(), product.price().toPlainString(), product.price().currency().getCurrencyCode(),
                product.stock(), product.active(), product.createdAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                product.images());
    }
}
