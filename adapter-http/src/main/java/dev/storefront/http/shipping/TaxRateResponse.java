package dev.storefront.http.shipping;

import dev.storefront.domain.shipping.TaxRate;
import java.util.List;

/**
 * The contract's {@code TaxRate}: {@code {"country", "region", "rate"}}, the rate a plain percentage
 * string without trailing zeros ({@code "8.875"}, {@code "20"}); region {@code ""} for the whole country.
 */
public record TaxRateResponse(String country, String region, String rate) {

    public static TaxRateResponse from(TaxRate rate) {
        return new TaxRateResponse(rate.country().code(), rate.region(), rate.rate().toPlainString());
    }

    /** {@code {"taxRate": …}} */
    public record Envelope(TaxRateResponse taxRate) {
        public static Envelope from(TaxRate rate) {
            return new Envelope(TaxRateResponse.from(rate));
        }
    }

    /** {@code {"items": […]}} */
    public record ListResponse(List<TaxRateResponse> items) {
        public static ListResponse from(List<TaxRate> rates) {
            return new ListResponse(rates.stream().map(TaxRateResponse::from).toList());
        }
    }
}
