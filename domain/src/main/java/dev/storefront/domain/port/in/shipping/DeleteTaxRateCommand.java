package dev.storefront.domain.port.in.shipping;

import dev.storefront.domain.address.Country;
import java.util.Objects;

/**
 * The tax rate to delete.
 *
 * @param region as typed (matched stripped and upper-cased); {@code null} or {@code ""}: the country-wide rate
 */
public record DeleteTaxRateCommand(Country country, String region) {
    public DeleteTaxRateCommand {
        Objects.requireNonNull(country, "country");
        region = region == null ? "" : region;
    }
}
