package dev.storefront.http.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.money.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductResponseTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    private static Product product(int stock, String price) {
        return new Product(new ProductId(7), new Sku("MUG-1"), "Mug", "A mug", "Kitchen", Money.of(price, EUR), stock,
                true, Instant.parse("2026-11-22T10:15:30.123456Z"), List.of("/images/mug.svg", "https://cdn.example.com/mug-2.png"));
    }

    @Test
    void mapsEveryFieldAsTheApiShowsIt() {
        assertEquals(new ProductResponse(7, "MUG-1", "Mug", "A mug", "Kitchen", "4.50", "EUR", 3, true,
                "2026-11-22T10:15:30Z", List.of("/images/mug.svg", "https://cdn.example.com/mug-2.png")),
                ProductResponse.from(product(3, "4.5")));
    }
}
