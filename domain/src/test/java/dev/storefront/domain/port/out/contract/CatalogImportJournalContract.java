package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.in.catalog.ImportCatalogCommand.Row;
import dev.storefront.domain.port.out.CatalogImportJournal;
import dev.storefront.domain.port.out.CatalogImportJournal.Progress;
import dev.storefront.domain.port.out.Transactions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link CatalogImportJournal} does. */
public abstract class CatalogImportJournalContract {
    protected static final Instant T0 = Instant.parse("2026-12-01T10:00:00.250Z");

    protected abstract CatalogImportJournal journal();

    protected abstract Transactions transactions();

    private static Row row(int number, Boolean active, String description) {
        return new Row(number, "{\"sku\":\"S-" + number + "\"}", "S-" + number, "Name " + number, description,
                "Category", new BigDecimal("12.30"), number * 10, active, images(number), List.of());
    }

    /** Not given, none, one and two images in turn: a staged row keeps which it was, in order. */
    private static List<String> images(int number) {
        return switch (number % 4) {
            case 0 -> null;
            case 1 -> List.of();
            case 2 -> List.of("/images/" + number + ".svg");
            default -> List.of("https://cdn.example.com/" + number + "/b.png", "/images/" + number + "/a.svg");
        };
    }

    private static List<Row> rows(int from, int to) {
        List<Row> rows = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            rows.add(row(i, i % 3 == 0 ? null : i % 3 == 1, i % 2 == 0 ? null : "Description " + i));
        }
        return rows;
    }

    private <T> T tx(java.util.function.Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    private long staged(List<Row> rows, Instant at) {
        long id = tx(() -> journal().begin(at));
        tx(() -> {
            journal().stage(id, rows, at);
            return null;
        });
        return id;
    }

    @Test
    void stagedRowsComeBackExactlyInFileOrderAcrossChunks() {
        long id = staged(rows(1, 3), T0);
        tx(() -> {
            journal().stage(id, rows(4, 7), T0);
            return null;
        });

        assertEquals(rows(1, 7), tx(() -> journal().pending(id, 100)));
        assertEquals(rows(1, 2), tx(() -> journal().pending(id, 2)));
        assertEquals(new BigDecimal("12.30"), journal().pending(id, 1).get(0).price());
    }

    @Test
    void appliedRowsLeaveAndTheLastDiscardRemovesTheImport() {
        long id = staged(rows(1, 5), T0);
        tx(() -> {
            journal().markReady(id, T0);
            return null;
        });

        tx(() -> {
            journal().applied(id, 3, T0.plusSeconds(1));
            return null;
        });

        assertEquals(rows(4, 5), journal().pending(id, 10));
        tx(() -> {
            journal().applied(id, 5, T0.plusSeconds(2));
            return null;
        });
        assertEquals(List.of(), journal().pending(id, 10));
        assertTrue(tx(() -> journal().discard(id, 10)));
        assertEquals(List.of(), journal().stalledReady(T0.plusSeconds(3600)));
    }

    @Test
    void stalledImportsAreThoseWithoutProgressSinceTheCutoffByState() {
        long staging = staged(rows(1, 2), T0);
        long ready = staged(rows(1, 2), T0);
        tx(() -> {
            journal().markReady(ready, T0.plusSeconds(10));
            return null;
        });

        assertEquals(List.of(staging), journal().stalledStaging(T0.plusSeconds(1)));
        assertEquals(List.of(), journal().stalledReady(T0.plusSeconds(10)), "progress at the cutoff is not stalled");
        assertEquals(List.of(ready), journal().stalledReady(T0.plusSeconds(11)));

        tx(() -> {
            journal().applied(ready, 1, T0.plusSeconds(20));
            return null;
        });
        assertEquals(List.of(), journal().stalledReady(T0.plusSeconds(11)), "applying a chunk is progress");
    }

    @Test
    void discardRemovesAtMostTheLimitThenTheImport() {
        long id = staged(rows(1, 5), T0);

        assertFalse(tx(() -> journal().discard(id, 2)));
        assertEquals(rows(3, 5), journal().pending(id, 10));
        assertTrue(tx(() -> journal().discard(id, 3)));
        assertEquals(List.of(), journal().stalledStaging(T0.plusSeconds(3600)));
        assertTrue(tx(() -> journal().discard(id, 3)), "an unknown import counts as gone");
    }

    @Test
    void aRolledBackStageLeavesNothing() {
        long id = tx(() -> journal().begin(T0));

        assertThrows(IllegalStateException.class, () -> tx(() -> {
            journal().stage(id, rows(1, 3), T0);
            throw new IllegalStateException("crash before commit");
        }));

        assertEquals(List.of(), journal().pending(id, 10));
    }

    @Test
    void noRowsCanBeStagedIntoAReadyImport() {
        long id = staged(rows(1, 1), T0);
        tx(() -> {
            journal().markReady(id, T0);
            return null;
        });

        assertThrows(IllegalStateException.class, () -> tx(() -> {
            journal().stage(id, rows(2, 2), T0);
            return null;
        }));
        assertEquals(rows(1, 1), journal().pending(id, 10));
    }

    @Test
    void progressCountsTheRowsStagedAndTheRowsLeft() {
        long id = staged(rows(1, 3), T0);
        tx(() -> {
            journal().stage(id, rows(4, 5), T0);
            journal().markReady(id, T0);
            journal().applied(id, 2, T0);
            return null;
        });

        assertEquals(Optional.of(new Progress(5, 3, 0, null)), journal().progress(id));
        assertEquals(Optional.empty(), journal().progress(id + 1000));
    }

    @Test
    void aFailedAttemptIsCountedWithItsErrorAndMakesTheImportStalledAtOnce() {
        long id = staged(rows(1, 4), T0);
        tx(() -> {
            journal().markReady(id, T0.plusSeconds(60));
            return null;
        });

        assertEquals(1, (int) tx(() -> journal().failedAttempt(id, "first failure")));
        assertEquals(2, (int) tx(() -> journal().failedAttempt(id, "second failure")));

        assertEquals(Optional.of(new Progress(4, 4, 2, "second failure")), journal().progress(id));
        assertEquals(List.of(id), journal().stalledReady(T0), "tried again first, whatever its progress said");
        assertEquals(rows(1, 4), journal().pending(id, 10), "its rows stay staged");
    }

    @Test
    void aRolledBackFailedAttemptIsNotCounted() {
        long id = staged(rows(1, 1), T0);

        assertThrows(IllegalStateException.class, () -> tx(() -> {
            journal().failedAttempt(id, "lost");
            throw new IllegalStateException("crash before commit");
        }));

        assertEquals(0, journal().progress(id).orElseThrow().failedAttempts());
    }
}
