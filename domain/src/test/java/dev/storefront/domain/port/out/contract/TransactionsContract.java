package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.NewUser;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.user.Username;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Transactions} does, observed through a repository of the same adapter (users:
 * every adapter has them). Subclasses give a fresh, empty store per test.
 */
public abstract class TransactionsContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private Transactions transactions;
    private UserRepository users;

    /** A fresh transaction boundary over an empty store; {@link #users()} is then called for its users. */
    protected abstract Transactions transactions();

    protected abstract UserRepository users();

    @BeforeEach
    void setUp() {
        transactions = transactions();
        users = users();
    }

    private void add(String name) {
        users.add(NewUser.customer(new Username(name), new Email(name + "@example.com"), new PasswordHash("h"), T0));
    }

    private boolean stored(String name) {
        return transactions.readOnly(() -> users.findByUsername(new Username(name))).isPresent();
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }

    @Test
    void whatTheWorkWroteIsCommittedAndItsResultReturned() {
        assertEquals("done", transactions.inTransaction(() -> {
            add("alice");
            return "done";
        }));
        transactions.inTransaction(() -> add("bob"));
        assertTrue(stored("alice") && stored("bob"));
    }

    @Test
    void aRuntimeExceptionRollsEverythingBackAndIsRethrownAsItIs() {
        IllegalArgumentException thrown = new IllegalArgumentException("on purpose");
        assertSame(thrown, assertThrows(IllegalArgumentException.class, () -> transactions.inTransaction(() -> {
            add("alice");
            add("bob");
            throw thrown;
        })));
        assertTrue(!stored("alice") && !stored("bob"));
    }

    @Test
    void nestedCallsJoinTheOuterTransactionAndItsRollbackUndoesTheirWrites() {
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            add("alice");
            transactions.inTransaction(() -> {
                // The inner call sees the outer one's uncommitted write: one transaction.
                assertTrue(users.findByUsername(new Username("alice")).isPresent());
                add("bob");
            });
            assertTrue(transactions.readOnly(() -> users.findByUsername(new Username("bob"))).isPresent());
            throw new IllegalStateException("after the inner call returned");
        }));
        assertTrue(!stored("alice") && !stored("bob"), "the inner call's write went with the outer rollback");
    }

    @Test
    void anExceptionCaughtInsideDoesNotRollBackWhatTheOuterWorkKeeps() {
        transactions.inTransaction(() -> {
            add("alice");
            assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
                throw new IllegalStateException("inner");
            }));
            add("bob");
        });
        assertTrue(stored("alice") && stored("bob"));
    }

    @Test
    void aCheckedExceptionThrownSneakilyRollsBackAndReachesTheCaller() {
        IOException thrown = new IOException("checked, thrown sneakily");
        Exception caught = assertThrows(Exception.class, () -> transactions.inTransaction(() -> {
            add("alice");
            throw sneakyThrow(thrown);
        }));
        assertSame(thrown, caught);
        assertTrue(!stored("alice"));
    }

    @Test
    void aReadOnlyCallInsideAWriteTransactionJoinsItAndSeesItsWrites() {
        transactions.inTransaction(() -> {
            add("alice");
            assertTrue(transactions.readOnly(() -> users.findByUsername(new Username("alice"))).isPresent());
        });
    }

    @Test
    void aCommitIsSeenByTransactionsOnOtherThreadsAndARollbackNever() throws Exception {
        transactions.inTransaction(() -> add("alice"));
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            add("bob");
            throw new IllegalStateException("rolled back");
        }));
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertEquals(true, other.submit(() -> stored("alice")).get(10, TimeUnit.SECONDS));
            assertEquals(false, other.submit(() -> stored("bob")).get(10, TimeUnit.SECONDS));
            // And the store still takes writes after the rollback.
            other.submit(() -> transactions.inTransaction(() -> add("bob"))).get(10, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        assertTrue(stored("bob"));
    }
}
