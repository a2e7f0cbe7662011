package dev.storefront.inmemory;

import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.port.out.IdempotencyKeyRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.contract.IdempotencyKeyRepositoryContract;
import dev.storefront.domain.user.UserId;
import java.util.concurrent.atomic.AtomicLong;

class InMemoryIdempotencyKeyRepositoryTest extends IdempotencyKeyRepositoryContract {
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryIdempotencyKeyRepository repository = new InMemoryIdempotencyKeyRepository(transactions);
    private final AtomicLong ids = new AtomicLong();

    @Override
    protected IdempotencyKeyRepository repository() {
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
    protected OrderId newOrder(UserId user) {
        return new OrderId(ids.incrementAndGet());
    }
}
