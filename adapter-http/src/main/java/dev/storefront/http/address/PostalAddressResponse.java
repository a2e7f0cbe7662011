package dev.storefront.http.address;

import dev.storefront.domain.address.PostalAddress;

/** An address without id or default flag: the snapshot on an order, the fields of a saved address. */
public record PostalAddressResponse(String name, String line1, String line2, String city, String region,
                                    String postalCode, String country, String phone) {

    public static PostalAddressResponse from(PostalAddress a) {
        return new PostalAddressResponse(a.name(), a.line1(), a.line2(), a.city(), a.region(), a.postalCode(),
                a.country().code(), a.phone());
    }
}
