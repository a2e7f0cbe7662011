package dev.storefront.http.shipping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.address.Country;
import dev.storefront.domain.port.in.shipping.DeactivateShippingMethodUseCase;
import dev.storefront.domain.port.in.shipping.DeleteTaxRateCommand;
import dev.storefront.domain.port.in.shipping.DeleteTaxRateUseCase;
import dev.storefront.domain.port.in.shipping.ListAllShippingMethodsUseCase;
import dev.storefront.domain.port.in.shipping.ListShippingMethodsUseCase;
import dev.storefront.domain.port.in.shipping.ListTaxRatesUseCase;
import dev.storefront.domain.port.in.shipping.PutShippingMethodUseCase;
import dev.storefront.domain.port.in.shipping.PutTaxRateUseCase;
import dev.storefront.domain.port.in.shipping.ShippingMethodsQuery;
import dev.storefront.domain.shipping.ShippingMethodCode;
import dev.storefront.domain.shipping.ShippingMethodNotFound;
import dev.storefront.domain.shipping.TaxRateNotFound;
import dev.storefront.http.RouteGroup;
import dev.storefront.http.common.ApiRequest;
import dev.storefront.http.common.ApiResponse;
import dev.storefront.http.common.Router;
import java.util.Objects;
import java.util.Set;

/**
 * Shipping methods and tax rates: the public {@code GET /api/shipping-methods?country=} and the admin
 * routes under {@code /api/admin/}. Admin routes check the caller before path or body: 401 without a
 * login, 403 for a customer.
 */
public final class ShippingRoutes implements RouteGroup {

    /** The use cases these routes call. */
    public record UseCases(ListShippingMethodsUseCase listShippingMethods,
                           ListAllShippingMethodsUseCase listAllShippingMethods,
                           PutShippingMethodUseCase putShippingMethod,
                           DeactivateShippingMethodUseCase deactivateShippingMethod,
                           ListTaxRatesUseCase listTaxRates, PutTaxRateUseCase putTaxRate,
                           DeleteTaxRateUseCase deleteTaxRate) {
        public UseCases {
            Objects.requireNonNull(listShippingMethods, "listShippingMethods");
            Objects.requireNonNull(listAllShippingMethods, "listAllShippingMethods");
            Objects.requireNonNull(putShippingMethod, "putShippingMethod");
            Objects.requireNonNull(deactivateShippingMethod, "deactivateShippingMethod");
            Objects.requireNonNull(listTaxRates, "listTaxRates");
            Objects.requireNonNull(putTaxRate, "putTaxRate");
            Objects.requireNonNull(deleteTaxRate, "deleteTaxRate");
        }
    }

    private final UseCases useCases;

    public ShippingRoutes(UseCases useCases) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
    }

    @Override
    public void register(Router router) {
        router.get("/api/shipping-methods", this::listActive);
        router.get("/api/admin/shipping-methods", this::listAll);
        router.put("/api/admin/shipping-methods/{code}", this::putMethod);
        router.delete("/api/admin/shipping-methods/{code}", this::deactivateMethod);
        router.get("/api/admin/tax-rates", this::listRates);
        router.put("/api/admin/tax-rates", this::putRate);
        router.delete("/api/admin/tax-rates/{country}", this::deleteRate);
    }

    private ApiResponse listActive(ApiRequest request) {
        request.requireOnlyQueryParameters(Set.of("country"));
        ShippingMethodsQuery query = new ShippingMethodsQuery(request.query("country").orElse(null));
        return ApiResponse.ok(ShippingMethodResponse.ListResponse.from(
                useCases.listShippingMethods().listShippingMethods(query)));
    }

    private ApiResponse listAll(ApiRequest request) {
        request.requireAdmin();
        request.requireOnlyQueryParameters(Set.of());
        return ApiResponse.ok(ShippingMethodResponse.ListResponse.from(
                useCases.listAllShippingMethods().listAllShippingMethods()));
    }

    private ApiResponse putMethod(ApiRequest request) {
        request.requireAdmin();
        String code = request.pathParameter("code");
        PutShippingMethodRequest body = PutShippingMethodRequest.from(request.body(ObjectNode.class), code);
        return ApiResponse.ok(ShippingMethodResponse.Envelope.from(
                useCases.putShippingMethod().putShippingMethod(body.toCommand(code))));
    }

    private ApiResponse deactivateMethod(ApiRequest request) {
        request.requireAdmin();
        String code = request.pathParameter("code");
        if (!ShippingMethodCode.isValid(code)) {
            throw new ShippingMethodNotFound(); // no method can have it
        }
        useCases.deactivateShippingMethod().deactivateShippingMethod(new ShippingMethodCode(code));
        return ApiResponse.noContent();
    }

    private ApiResponse listRates(ApiRequest request) {
        request.requireAdmin();
        request.requireOnlyQueryParameters(Set.of());
        return ApiResponse.ok(TaxRateResponse.ListResponse.from(useCases.listTaxRates().listTaxRates()));
    }

    private ApiResponse putRate(ApiRequest request) {
        request.requireAdmin();
        PutTaxRateRequest body = PutTaxRateRequest.from(request.body(ObjectNode.class));
        return ApiResponse.ok(TaxRateResponse.Envelope.from(useCases.putTaxRate().putTaxRate(body.toCommand())));
    }

    private ApiResponse deleteRate(ApiRequest request) {
        request.requireAdmin();
        request.requireOnlyQueryParameters(Set.of("region"));
        String region = request.query("region").orElse("");
        // An unknown country code names no rate: 404, as an unknown id would be.
        Country country = Country.parse(request.pathParameter("country")).orElseThrow(TaxRateNotFound::new);
        useCases.deleteTaxRate().deleteTaxRate(new DeleteTaxRateCommand(country, region));
        return ApiResponse.noContent();
    }
}
