package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storefront.domain.order.IdempotencyKey;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.port.out.IdempotencyKeyRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyKeyRepository} does. Subclasses supply users and orders that exist. */
public abstract class IdempotencyKeyRepositoryContract {
    protected static final Instant T0 = Instant.parse("2026-11-22T10:00:00.250Z");

    protected abstract IdempotencyKeyRepository repository();

    protected abstract Transactions transactions();

    /** A user that exists in the store, new on each call. */
    protected abstract UserId newUser();

    /** An order of the user that exists in the store, new on each call. */
    protected abstract OrderId newOrder(UserId user);

    private void remember(UserId user, String key, OrderId order, Instant at) {
        transactions().inTransaction(() -> repository().remember(user, new IdempotencyKey(key), order, at));
    }

    @Test
    void anUnusedKeyIsUnknown() {
        assertEquals(Optional.empty(), repository().find(newUser(), new IdempotencyKey("never-used")));
    }

    @Test
    void aRememberedKeyFindsItsOrderForThatUserOnly() {
        UserId user = newUser();
        UserId other = newUser();
        OrderId order = newOrder(user);
        remember(user, "retry-me-1", order, T0);

        assertEquals(Optional.of(order), repository().find(user, new IdempotencyKey("retry-me-1")));
        assertEquals(Optional.empty(), repository().find(other, new IdempotencyKey("retry-me-1")));
        assertEquals(Optional.empty(), repository().find(user, new IdempotencyKey("RETRY-ME-1")),
                "keys are compared exactly");
    }

    @Test
    void twoUsersMayUseTheSameKey() {
        UserId user = newUser();
        UserId other = newUser();
        OrderId mine = newOrder(user);
        OrderId theirs = newOrder(other);
        remember(user, "same", mine, T0);
        remember(other, "same", theirs, T0);
        assertEquals(Optional.of(mine), repository().find(user, new IdempotencyKey("same")));
        assertEquals(Optional.of(theirs), repository().find(other, new IdempotencyKey("same")));
    }

    @Test
    void aKeyCannotBeRememberedTwice() {
        UserId user = newUser();
        OrderId first = newOrder(user);
        OrderId second = newOrder(user);
        remember(user, "twice", first, T0);
        assertThrows(IllegalStateException.class, () -> remember(user, "twice", second, T0.plusSeconds(1)));
        assertEquals(Optional.of(first), repository().find(user, new IdempotencyKey("twice")));
    }

    @Test
    void forgettingRemovesOnlyKeysUsedBeforeTheCutoff() {
        UserId user = newUser();
        remember(user, "old", newOrder(user), T0);
        remember(user, "edge", newOrder(user), T0.plusSeconds(10));
        remember(user, "new", newOrder(user), T0.plusSeconds(20));

        int forgotten = transactions().inTransaction(() -> repository().forgetUsedBefore(T0.plusSeconds(10)));

        assertEquals(1, forgotten);
        assertEquals(Optional.empty(), repository().find(user, new IdempotencyKey("old")));
        assertEquals(true, repository().find(user, new IdempotencyKey("edge")).isPresent());
        assertEquals(true, repository().find(user, new IdempotencyKey("new")).isPresent());
    }

    @Test
    void aKeyRememberedInARolledBackTransactionIsNotKept() {
        UserId user = newUser();
        OrderId order = newOrder(user);
        assertThrows(IllegalStateException.class, () -> transactions().inTransaction(() -> {
            repository().remember(user, new IdempotencyKey("rolled-back"), order, T0);
            throw new IllegalStateException("fault");
        }));
        assertEquals(Optional.empty(), repository().find(user, new IdempotencyKey("rolled-back")));
    }

    @Test
    void deletingAllOfAUserForgetsTheirKeysOnly() {
        UserId user = newUser();
        UserId other = newUser();
        remember(user, "one", newOrder(user), T0);
        remember(user, "two", newOrder(user), T0);
        remember(other, "one", newOrder(other), T0);

        int deleted = transactions().inTransaction(() -> repository().deleteAllOf(user));

        assertEquals(2, deleted);
        assertEquals(Optional.empty(), repository().find(user, new IdempotencyKey("one")));
        assertEquals(Optional.empty(), repository().find(user, new IdempotencyKey("two")));
        assertEquals(true, repository().find(other, new IdempotencyKey("one")).isPresent());
    }
}
