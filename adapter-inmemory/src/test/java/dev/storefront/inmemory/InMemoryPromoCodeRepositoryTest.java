package dev.storefront.inmemory;

import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.contract.PromoCodeRepositoryContract;
import dev.storefront.domain.user.UserId;
import java.util.concurrent.atomic.AtomicLong;

class InMemoryPromoCodeRepositoryTest extends PromoCodeRepositoryContract {
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryPromoCodeRepository repository = new InMemoryPromoCodeRepository(transactions);
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository(transactions, USD);
    private final AtomicLong ids = new AtomicLong();

    @Override
    protected PromoCodeRepository repository() {
        return repository;
    }

    @Override
    protected OrderRepository orders() {
        return orders;
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
