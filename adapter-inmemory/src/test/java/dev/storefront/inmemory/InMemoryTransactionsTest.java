package dev.storefront.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InMemoryTransactionsTest {

    /** A store as the in-memory repositories keep one: a list that can be put back. */
    private static final class ListStore implements InMemoryTransactions.Participant {
        final List<String> items = new ArrayList<>();
        final AtomicInteger snapshots = new AtomicInteger();

        @Override
        public Runnable snapshot() {
            snapshots.incrementAndGet();
            List<String> copy = List.copyOf(items);
            return () -> {
                items.clear();
                items.addAll(copy);
            };
        }
    }

    private final InMemoryTransactions tx = new InMemoryTransactions();
    private final ListStore store = new ListStore();

    @BeforeEach
    void register() {
        store.items.add("existing");
        tx.register(store);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }

    @Test
    void successKeepsTheChanges() {
        String result = tx.inTransaction(() -> {
            store.items.add("new");
            return "done";
        });

        assertEquals("done", result);
        assertEquals(List.of("existing", "new"), store.items);
    }

    @Test
    void runtimeExceptionRestoresTheStoreAndIsRethrown() {
        IllegalStateException failure = new IllegalStateException("no");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> tx.inTransaction(() -> {
            store.items.add("new");
            store.items.remove("existing");
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals(List.of("existing"), store.items);
    }

    @Test
    void errorRestoresTheStore() {
        assertThrows(AssertionError.class, () -> tx.inTransaction(() -> {
            store.items.add("new");
            throw new AssertionError("boom");
        }));

        assertEquals(List.of("existing"), store.items);
    }

    @Test
    void sneakyCheckedExceptionRestoresTheStore() {
        assertThrows(IOException.class, () -> tx.inTransaction(() -> {
            store.items.add("new");
            throw sneakyThrow(new IOException("disk on fire"));
        }));

        assertEquals(List.of("existing"), store.items);
    }

    @Test
    void readOnlyFailureAlsoRestores() {
        assertThrows(IllegalStateException.class, () -> tx.readOnly(() -> {
            store.items.add("should not be here");
            throw new IllegalStateException("no");
        }));

        assertEquals(List.of("existing"), store.items);
    }

    @Test
    void nestedCallJoinsTheOuterTransaction() {
        tx.inTransaction(() -> {
            store.items.add("outer");
            tx.inTransaction(() -> store.items.add("inner"));
            assertTrue(tx.isActive());
        });

        assertEquals(1, store.snapshots.get(), "only the outermost call takes a snapshot");
        assertEquals(List.of("existing", "outer", "inner"), store.items);
        assertFalse(tx.isActive());
    }

    @Test
    void outerFailureRestoresWhatTheJoinedInnerCallDid() {
        assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
            store.items.add("outer");
            try {
                tx.inTransaction(() -> {
                    store.items.add("inner");
                    throw new IllegalArgumentException("inner fails");
                });
            } catch (IllegalArgumentException e) {
                assertEquals(List.of("existing", "outer", "inner"), store.items, "a joined call restores nothing itself");
                throw new IllegalStateException("outer gives up", e);
            }
        }));

        assertEquals(List.of("existing"), store.items);
    }

    @Test
    void innerFailureSwallowedByOuterKeepsTheJoinedWork() {
        tx.inTransaction(() -> {
            store.items.add("outer");
            try {
                tx.inTransaction(() -> {
                    store.items.add("inner");
                    throw new IllegalArgumentException("inner fails");
                });
            } catch (IllegalArgumentException expected) {
                // joined, not nested: the outer decides for the whole unit, as with the database
            }
        });

        assertEquals(List.of("existing", "outer", "inner"), store.items);
    }

    @Test
    void isActiveOnlyInsideATransaction() {
        assertFalse(tx.isActive());
        assertTrue(tx.readOnly(tx::isActive));
        assertFalse(tx.isActive());
    }
}
