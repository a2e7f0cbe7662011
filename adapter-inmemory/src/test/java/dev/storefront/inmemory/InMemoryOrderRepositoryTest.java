package dev.storefront.inmemory;

import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.OrderStatistics;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.contract.OrderRepositoryContract;
import dev.storefront.domain.user.UserId;
import java.util.concurrent.atomic.AtomicLong;

class InMemoryOrderRepositoryTest extends OrderRepositoryContract {
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryOrderRepository repository = new InMemoryOrderRepository(transactions, USD);
    private final AtomicLong ids = new AtomicLong();

    @Override
    protected OrderRepository repository() {
        return repository;
    }

    @Override
    protected OrderStatistics statistics() {
        return repository;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected UserId newUser() {
        return new UserId(ids.incrementAndGet());
    }

    @Override
    protected ProductId newProduct() {
        return new ProductId(ids.incrementAndGet());
    }
}
