package dev.storefront.domain.port.in.promo;

import dev.storefront.domain.promo.PromoCodeId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A partial change of a promo code: every {@code null} field stays as it is. The fields that may
 * become null (the value, the bounds) come as a {@link Change}: {@code null} keeps the field,
 * {@code Change.to(null)} clears it. A change of {@code kind} must give {@code value} too (null for
 * free shipping), so that 15 % never silently becomes 15.00 off. {@code timesUsed} is not an
 * admin's to set.
 */
public record UpdatePromoCodeCommand(PromoCodeId code, String kind, Change<BigDecimal> value, BigDecimal minSubtotal,
                                     Change<Instant> startsAt, Change<Instant> endsAt, Change<Integer> usageLimit,
                                     Change<Integer> usagePerUser, Boolean active) {
    public UpdatePromoCodeCommand {
        Objects.requireNonNull(code, "code");
    }

    /** A new value for a field that may be null. */
    public record Change<T>(T value) {
        public static <T> Change<T> to(T value) {
            return new Change<>(value);
        }
    }
}
