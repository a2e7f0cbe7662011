package dev.storefront.domain.port.in.shipping;

/**
 * The active shipping methods a buyer may choose from.
 *
 * @param country an ISO code as the client typed it (trimmed, any case); {@code null}: every active method
 */
public record ShippingMethodsQuery(String country) {
    public static ShippingMethodsQuery everywhere() {
        return new ShippingMethodsQuery(null);
    }
}
