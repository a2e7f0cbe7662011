package dev.storefront.domain.port.in.promo;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A new promo code as an admin entered it, checked by the use case against
 * {@link dev.storefront.domain.promo.PromoCodeRules}. {@code code} is matched regardless of case
 * and stored upper case; {@code kind} is {@code percent}, {@code amount} or {@code free_shipping};
 * a {@code null} {@code minSubtotal} is 0, a {@code null} {@code active} is true, a {@code null}
 * bound is no bound. Money is in the store's currency.
 */
public record CreatePromoCodeCommand(String code, String kind, BigDecimal value, BigDecimal minSubtotal,
                                     Instant startsAt, Instant endsAt, Integer usageLimit, Integer usagePerUser,
                                     Boolean active) {}
