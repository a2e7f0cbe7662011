package dev.storefront.inmemory;

import dev.storefront.domain.port.out.ShippingMethodRepository;
import dev.storefront.domain.port.out.TaxRateRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.contract.ShippingMethodRepositoryContract;
import dev.storefront.domain.port.out.contract.TaxRateRepositoryContract;
import org.junit.jupiter.api.Nested;

/** The shipping method and tax rate contracts on the fakes. */
class InMemoryShippingPortsTest {
    private final InMemoryTransactions transactions = new InMemoryTransactions();

    @Nested
    class ShippingMethods extends ShippingMethodRepositoryContract {
        @Override
        protected ShippingMethodRepository createRepository() {
            return new InMemoryShippingMethodRepository(transactions);
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }

    @Nested
    class TaxRates extends TaxRateRepositoryContract {
        @Override
        protected TaxRateRepository createRepository() {
            return new InMemoryTaxRateRepository(transactions);
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }
}
