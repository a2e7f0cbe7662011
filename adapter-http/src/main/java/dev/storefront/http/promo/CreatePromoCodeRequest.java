package dev.storefront.http.promo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.port.in.promo.CreatePromoCodeCommand;
import dev.storefront.http.common.HttpProblemException;

/**
 * {@code POST /api/admin/promo-codes}: {@code {"code", "kind", "value"?, "minSubtotal"?, "startsAt"?,
 * "endsAt"?, "usageLimit"?, "usagePerUser"?, "active"?}}; a {@code null} is the same as leaving the
 * field out. {@code timesUsed} is not the client's to set and is ignored.
 */
final class CreatePromoCodeRequest {
    private CreatePromoCodeRequest() {}

    /** @throws HttpProblemException 400 naming every field of the wrong JSON type */
    static CreatePromoCodeCommand from(ObjectNode body) {
        PromoCodeFields fields = new PromoCodeFields(body);
        CreatePromoCodeCommand command = new CreatePromoCodeCommand(fields.text("code"), fields.text("kind"),
                fields.decimal("value"), fields.decimal("minSubtotal"), fields.instant("startsAt"),
                fields.instant("endsAt"), fields.wholeNumber("usageLimit"), fields.wholeNumber("usagePerUser"),
                fields.bool("active"));
        if (!fields.violations().isEmpty()) {
            throw HttpProblemException.invalid(fields.violations());
        }
        return command;
    }
}
