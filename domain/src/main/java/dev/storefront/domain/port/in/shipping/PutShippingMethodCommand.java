package dev.storefront.domain.port.in.shipping;

import java.math.BigDecimal;
import java.util.List;

/**
 * A shipping method as an admin sends it, checked by the use case against
 * {@link dev.storefront.domain.shipping.ShippingRules}. Money is in the store's currency.
 *
 * @param freeOver  {@code null}: never free
 * @param countries ISO codes; {@code null} or empty: ships everywhere
 * @param active    {@code null}: active
 */
public record PutShippingMethodCommand(String code, String name, BigDecimal price, BigDecimal freeOver,
                                       List<String> countries, Boolean active) {
    public PutShippingMethodCommand {
        countries = countries == null ? null : List.copyOf(countries);
    }
}
