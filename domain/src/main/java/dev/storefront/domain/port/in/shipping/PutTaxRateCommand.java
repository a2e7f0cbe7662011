package dev.storefront.domain.port.in.shipping;

import java.math.BigDecimal;

/**
 * A tax rate as an admin sends it, checked against {@link dev.storefront.domain.shipping.ShippingRules}.
 *
 * @param region {@code null} or blank: the whole country
 * @param rate   a percentage, 0–100 with at most 3 decimals
 */
public record PutTaxRateCommand(String country, String region, BigDecimal rate) {}
