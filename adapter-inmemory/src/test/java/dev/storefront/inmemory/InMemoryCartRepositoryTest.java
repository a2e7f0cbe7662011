package dev.storefront.inmemory;

import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.port.out.CartRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.contract.CartRepositoryContract;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.user.UserId;
import java.util.concurrent.atomic.AtomicLong;

class InMemoryCartRepositoryTest extends CartRepositoryContract {
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryCartRepository repository = new InMemoryCartRepository(transactions);
    private final AtomicLong ids = new AtomicLong();

    @Override
    protected CartRepository repository() {
        return repository;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected CartOwner newUser() {
        return CartOwner.user(new UserId(ids.incrementAndGet()));
    }

    @Override
    protected CartOwner newGuest() {
        return CartOwner.guest(new SessionHandle("guest-session-" + ids.incrementAndGet() + "-abcdef"));
    }

    @Override
    protected ProductId newProduct() {
        return new ProductId(ids.incrementAndGet());
    }
}
