package dev.storefront.http.promo;

import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A promo code as the API shows it: {@code kind} in lower case, {@code value} as a string
 * ({@code "15"} percent, {@code "5.00"} money, {@code null} for free shipping), money as strings with
 * two decimals plus the currency, times as ISO-8601 UTC strings or {@code null} (no bound); the bounds as
 * the admin set them (to the millisecond), the creation time to the second, like a product's.
 */
public record PromoCodeResponse(String code, String kind, String value, String minSubtotal, String currency,
                                String startsAt, String endsAt, Integer usageLimit, Integer usagePerUser,
                                int timesUsed, boolean active, String createdAt) {

    public static PromoCodeResponse from(PromoCode p) {
        String value = p.value() == null ? null
                : p.kind() == PromoKind.PERCENT ? PromoCode.canonicalPercent(p.value()).toPlainString()
                : p.value().toPlainString();
        return new PromoCodeResponse(p.code().value(), p.kind().wireName(), value, p.minSubtotal().toPlainString(),
                p.minSubtotal().currency().getCurrencyCode(), iso(p.startsAt()), iso(p.endsAt()), p.usageLimit(),
                p.usagePerUser(), p.timesUsed(), p.active(), iso(p.createdAt().truncatedTo(ChronoUnit.SECONDS)));
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
