package dev.storefront.domain.port.in.order;

import dev.storefront.domain.address.AddressId;
import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.shipping.ShippingMethodCode;
import java.util.Objects;
import java.util.Optional;

/**
 * What a customer chose for a checkout or its quote ({@code CheckoutRequest} of api.md): where to ship
 * — one of their saved addresses or an address typed in, never both — by which method, and a promo
 * code. Each part may be absent; which ones a checkout needs is the store's rule, applied by the use case.
 */
public record CheckoutDetails(Optional<AddressId> addressId, Optional<PostalAddress> shippingAddress,
                              Optional<ShippingMethodCode> shippingMethod, Optional<PromoCodeId> promoCode) {
    /** Nothing chosen: the seed-era checkout without a body. */
    public static final CheckoutDetails NONE = new CheckoutDetails(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** @throws InvalidInputException on {@code addressId} when both an address id and an address are given */
    public CheckoutDetails {
        Objects.requireNonNull(addressId, "addressId");
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(shippingMethod, "shippingMethod");
        Objects.requireNonNull(promoCode, "promoCode");
        if (addressId.isPresent() && shippingAddress.isPresent()) {
            throw new InvalidInputException("addressId", "give either addressId or shippingAddress, not both");
        }
    }

    /** Whether the customer named an address, saved or typed in. */
    public boolean namesAnAddress() {
        return addressId.isPresent() || shippingAddress.isPresent();
    }
}
