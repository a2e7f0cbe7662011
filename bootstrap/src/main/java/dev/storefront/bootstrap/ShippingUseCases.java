package dev.storefront.bootstrap;

import dev.storefront.domain.port.in.shipping.DeactivateShippingMethodUseCase;
import dev.storefront.domain.port.in.shipping.DeleteTaxRateUseCase;
import dev.storefront.domain.port.in.shipping.ListAllShippingMethodsUseCase;
import dev.storefront.domain.port.in.shipping.ListShippingMethodsUseCase;
import dev.storefront.domain.port.in.shipping.ListTaxRatesUseCase;
import dev.storefront.domain.port.in.shipping.PutShippingMethodUseCase;
import dev.storefront.domain.port.in.shipping.PutTaxRateUseCase;

/** Shipping methods and tax rates, as {@code storefront.shipping()} gives them. */
public record ShippingUseCases(
        PutShippingMethodUseCase putShippingMethod,
        DeactivateShippingMethodUseCase deactivateShippingMethod,
        ListShippingMethodsUseCase listShippingMethods,
        ListAllShippingMethodsUseCase listAllShippingMethods,
        PutTaxRateUseCase putTaxRate,
        ListTaxRatesUseCase listTaxRates,
        DeleteTaxRateUseCase deleteTaxRate) {}
