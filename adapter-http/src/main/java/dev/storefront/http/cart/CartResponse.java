package dev.storefront.http.cart;

import dev.storefront.domain.cart.CartView;
import java.util.List;

/**
 * {@code Cart} of api.md: money as strings with exactly two decimals, in the store's currency.
 * {@code itemCount} and {@code subtotal} cover every line, unavailable ones included.
 */
public record CartResponse(List<Item> items, int itemCount, String subtotal, String currency) {

    /** One line. */
    public record Item(long productId, String sku, String name, String unitPrice, int quantity, String lineTotal,
                       boolean available) {}

    public static CartResponse from(CartView view) {
        return new CartResponse(view.items().stream()
                .map(line -> new Item(line.productId().value(), line.sku().value(), line.name(),
                        line.unitPrice().toPlainString(), line.quantity().value(), line.lineTotal().toPlainString(),
                        line.available()))
                .toList(),
                view.itemCount(), view.subtotal().toPlainString(), view.currency().getCurrencyCode());
    }
}
