package dev.storefront.domain.checkout;

import dev.storefront.domain.address.Country;
import dev.storefront.domain.address.PostalAddress;
import java.util.Objects;

/** Where an order is taxed: the shipping address's country and region, or the store's country (region {@code ""}). */
public record TaxLocation(Country country, String region) {
    public TaxLocation {
        Objects.requireNonNull(country, "country");
        region = Objects.requireNonNull(region, "region").strip();
    }

    public static TaxLocation of(PostalAddress address) {
        return new TaxLocation(address.country(), address.region());
    }
}
