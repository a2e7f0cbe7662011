package dev.storefront.http.address;

import dev.storefront.domain.address.PostalAddress;

/**
 * The fields of an address as a client sends them (a new address book entry, or a checkout's
 * {@code shippingAddress}); {@code null} is "not given".
 */
public record PostalAddressFields(String name, String line1, String line2, String city, String region,
                                  String postalCode, String country, String phone) {

    /**
     * The address, every rule checked.
     *
     * @param fieldPrefix before each field name in errors ({@code "shippingAddress."} or {@code ""})
     * @throws dev.storefront.domain.common.InvalidInputException naming each invalid field
     */
    public PostalAddress toPostalAddress(String fieldPrefix) {
        return PostalAddress.parse(fieldPrefix, name, line1, line2, city, region, postalCode, country, phone);
    }
}
