package dev.storefront.http.address;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.storefront.domain.address.Address;

/**
 * api.md's {@code Address}: {@code {"id", "name", "line1", "line2", "city", "region", "postalCode",
 * "country", "phone", "default"}}; absent optional fields are {@code ""}.
 */
public record AddressResponse(long id, @JsonUnwrapped PostalAddressResponse fields,
                              @JsonProperty("default") boolean isDefault) {

    public static AddressResponse from(Address address) {
        return new AddressResponse(address.id().value(), PostalAddressResponse.from(address.postal()),
                address.isDefault());
    }
}
