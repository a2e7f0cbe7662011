package dev.storefront.domain.promo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a promo code takes off: a percentage of the subtotal, an amount, or the shipping. */
public enum PromoKind {
    PERCENT, AMOUNT, FREE_SHIPPING;

    /** As the API names it: {@code percent}, {@code amount}, {@code free_shipping}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PromoKind> fromWireName(String text) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(text)).findFirst();
    }
}
