package dev.storefront.http.promo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.port.in.promo.UpdatePromoCodeCommand;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.http.common.HttpProblemException;
import java.util.Optional;

/**
 * {@code PATCH /api/admin/promo-codes/{code}}: any of the settings; a field left out stays as it is.
 * {@code value}, {@code startsAt}, {@code endsAt}, {@code usageLimit} and {@code usagePerUser} may
 * be {@code null} (no value, no bound); {@code kind}, {@code minSubtotal} and {@code active} may not.
 * {@code code} may repeat the path's code (in any case) but not change it; {@code timesUsed} is ignored.
 */
final class UpdatePromoCodeRequest {
    private UpdatePromoCodeRequest() {}

    /** @throws HttpProblemException 400 naming every field of the wrong JSON type or null */
    static UpdatePromoCodeCommand from(ObjectNode body, PromoCodeId code) {
        PromoCodeFields fields = new PromoCodeFields(body);
        if (fields.given("code")) {
            Optional<PromoCodeId> same = Optional.ofNullable(fields.requiredText("code")).flatMap(PromoCodeId::parse);
            if (same.isPresent() && !same.get().equals(code)) {
                fields.add(new FieldViolation("code", "cannot be changed; create a new code instead"));
            } else if (same.isEmpty() && fields.violations().isEmpty()) {
                fields.add(new FieldViolation("code", PromoCodeId.PROBLEM));
            }
        }
        UpdatePromoCodeCommand command = new UpdatePromoCodeCommand(code, fields.requiredText("kind"),
                fields.decimalChange("value"), fields.requiredDecimal("minSubtotal"), fields.instantChange("startsAt"),
                fields.instantChange("endsAt"), fields.wholeNumberChange("usageLimit"),
                fields.wholeNumberChange("usagePerUser"), fields.requiredBool("active"));
        if (!fields.violations().isEmpty()) {
            throw HttpProblemException.invalid(fields.violations());
        }
        return command;
    }
}
