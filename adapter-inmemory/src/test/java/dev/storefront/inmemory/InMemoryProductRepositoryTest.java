package dev.storefront.inmemory;

import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.contract.ProductRepositoryContract;
import org.junit.jupiter.api.BeforeEach;

class InMemoryProductRepositoryTest extends ProductRepositoryContract {
    private InMemoryTransactions transactions;
    private InMemoryProductRepository repository;

    @BeforeEach
    void freshStore() {
        transactions = new InMemoryTransactions();
        repository = new InMemoryProductRepository(transactions);
    }

    @Override
    protected ProductRepository repository() {
        return repository;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
