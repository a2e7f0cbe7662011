package dev.storefront.domain.promo;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.money.Money;
import java.util.List;
import java.util.Map;

/** A promo code a checkout or quote cannot use: a 400 on {@code promoCode} saying why. */
public final class PromoCodeRejected extends InvalidInputException {
    private static final long serialVersionUID = 1L;
    public static final String FIELD = "promoCode";

    /** Why a code is refused. */
    public enum Reason {
        UNKNOWN("is not a valid promo code"),
        NOT_YET_VALID("is not valid yet"),
        EXPIRED("has expired"),
        EXHAUSTED("has been used up"),
        USED_BY_CUSTOMER("has already been used by you as often as allowed"),
        BELOW_MIN_SUBTOTAL("needs a higher subtotal");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public PromoCodeRejected(Reason reason) {
        super(List.of(new FieldViolation(FIELD, reason.message())));
        this.reason = reason;
    }

    /** Below the code's minimum subtotal, naming it. */
    public PromoCodeRejected(Money minSubtotal) {
        super(List.of(new FieldViolation(FIELD, "needs a subtotal of at least " + minSubtotal.toPlainString(),
                Map.of("minSubtotal", minSubtotal.toPlainString()))));
        this.reason = Reason.BELOW_MIN_SUBTOTAL;
    }

    public Reason reason() {
        return reason;
    }
}
