package dev.storefront.domain.port.in.shipping;

/** Admin: delete a tax rate (orders placed keep the tax they were charged). */
@FunctionalInterface
public interface DeleteTaxRateUseCase {
    /** @throws dev.storefront.domain.shipping.TaxRateNotFound when the country has no such rate */
    void deleteTaxRate(DeleteTaxRateCommand command);
}
