package dev.storefront.bootstrap;

import dev.storefront.application.checkout.MethodPriceShippingRates;
import dev.storefront.application.checkout.StoredTaxRates;
import dev.storefront.application.shipping.DeactivateShippingMethodService;
import dev.storefront.application.shipping.DeleteTaxRateService;
import dev.storefront.application.shipping.ListAllShippingMethodsService;
import dev.storefront.application.shipping.ListShippingMethodsService;
import dev.storefront.application.shipping.ListTaxRatesService;
import dev.storefront.application.shipping.PutShippingMethodService;
import dev.storefront.application.shipping.PutTaxRateService;
import dev.storefront.domain.port.out.ShippingMethodRepository;
import dev.storefront.domain.port.out.ShippingRates;
import dev.storefront.domain.port.out.TaxCalculator;
import dev.storefront.domain.port.out.TaxRateRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.http.shipping.ShippingRoutes;
import dev.storefront.persistence.jdbi.Database;
import dev.storefront.persistence.jdbi.JdbiShippingMethodRepository;
import dev.storefront.persistence.jdbi.JdbiTaxRateRepository;

/**
 * Shipping methods and tax rates on the JDBI adapters, and the two pluggable prices checkout uses:
 * {@link #shippingRates} and {@link #taxCalculator}, the builder's or the defaults that read these tables.
 */
final class ShippingModule {
    final ShippingMethodRepository methods;
    final TaxRateRepository taxRates;
    final ShippingRates shippingRates;
    final TaxCalculator taxCalculator;
    final ShippingUseCases useCases;

    ShippingModule(Database database, StorefrontBuilder builder) {
        Transactions tx = database.transactions();
        methods = new JdbiShippingMethodRepository(database, builder.config.currency());
        taxRates = new JdbiTaxRateRepository(database);
        shippingRates = builder.shippingRates != null ? builder.shippingRates : new MethodPriceShippingRates();
        taxCalculator = builder.taxCalculator != null ? builder.taxCalculator : new StoredTaxRates(taxRates);
        useCases = new ShippingUseCases(
                new PutShippingMethodService(methods, tx, builder.config.currency()),
                new DeactivateShippingMethodService(methods, tx),
                new ListShippingMethodsService(methods, tx),
                new ListAllShippingMethodsService(methods, tx),
                new PutTaxRateService(taxRates, tx),
                new ListTaxRatesService(taxRates, tx),
                new DeleteTaxRateService(taxRates, tx));
    }

    ShippingRoutes routes() {
        return new ShippingRoutes(new ShippingRoutes.UseCases(useCases.listShippingMethods(),
                useCases.listAllShippingMethods(), useCases.putShippingMethod(), useCases.deactivateShippingMethod(),
                useCases.listTaxRates(), useCases.putTaxRate(), useCases.deleteTaxRate()));
    }
}
