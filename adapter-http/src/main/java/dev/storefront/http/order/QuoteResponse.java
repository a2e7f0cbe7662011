package dev.storefront.http.order;

import dev.storefront.domain.port.in.order.CheckoutQuote;
import java.util.List;

/**
 * {@code {"quote": {"items", "itemCount", "subtotal", "discount", "shipping", "tax", "total",
 * "currency", "shippingMethod", "promoCode"}}}: what a checkout would charge now, money as
 * two-decimal strings, {@code shippingMethod} {@code {"code", "name"}} or null, {@code promoCode} or null.
 */
public record QuoteResponse(Quote quote) {

    public record Quote(List<OrderItemResponse> items, int itemCount, String subtotal, String discount,
                        String shipping, String tax, String total, String currency,
                        OrderShippingMethodResponse shippingMethod, String promoCode) {}

    public static QuoteResponse from(CheckoutQuote quote) {
        return new QuoteResponse(new Quote(quote.lines().stream().map(OrderItemResponse::from).toList(),
                quote.itemCount(), quote.price().subtotal().toPlainString(), quote.price().discount().toPlainString(),
                quote.price().shipping().toPlainString(), quote.price().tax().toPlainString(),
                quote.total().toPlainString(), quote.currency().getCurrencyCode(),
                quote.shippingMethod().map(OrderShippingMethodResponse::from).orElse(null),
                quote.promoCode().map(Object::toString).orElse(null)));
    }
}
