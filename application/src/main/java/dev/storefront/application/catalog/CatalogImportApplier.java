package dev.storefront.application.catalog;

import dev.storefront.domain.catalog.NewProduct;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.common.DatabaseBusy;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.port.in.catalog.ImportCatalogCommand.Row;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult.Outcome;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult.Status;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult.RowOutcome;
import dev.storefront.domain.port.out.CatalogImportJournal;
import dev.storefront.domain.port.out.LockKey;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes catalog rows into the products, and moves staged imports through the journal in
 * transactions of at most {@link #chunkRows} rows each: a large import never holds the write lock
 * for longer than one chunk, so every other writer waits for one chunk at most.
 */
final class CatalogImportApplier {
    private static final System.Logger LOG = System.getLogger(CatalogImportApplier.class.getName());
    /** How often a chunk is tried again when the database stayed locked by another process. */
    static final int BUSY_RETRIES = 3;
    /**
     * How long to wait before such a retry: longer than the second in which the database answers
     * writes busy at once after one waited its whole busy timeout (the 503's {@code Retry-After}),
     * so that each retry really waits for the lock again.
     */
    static final Duration BUSY_RETRY_PAUSE = Duration.ofMillis(1_100);
    /**
     * Failed attempts to apply a ready import (its rows refused: a constraint, a trigger) after which
     * it is given up: its rows left would otherwise hold back every later import for ever.
     */
    static final int MAX_APPLY_ATTEMPTS = 5;

    private final ProductRepository products;
    private final CatalogImportJournal journal;
    private final Transactions transactions;
    private final Locks locks;
    private final TimeSource time;
    private final Currency currency;
    final int chunkRows;
    private final Duration pauseBetweenChunks;

    /**
     * @param pauseBetweenChunks how long to leave the write lock free before each chunk, so that
     *                           writers of other processes get it (see {@link ImportCatalogService#PAUSE_BETWEEN_CHUNKS})
     */
    CatalogImportApplier(ProductRepository products, CatalogImportJournal journal, Transactions transactions,
                         Locks locks, TimeSource time, Currency currency, int chunkRows, Duration pauseBetweenChunks) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be at least 1");
        }
        this.products = products;
        this.journal = journal;
        this.transactions = transactions;
        this.locks = locks;
        this.time = time;
        this.currency = currency;
        this.chunkRows = chunkRows;
        this.pauseBetweenChunks = pauseBetweenChunks;
    }

    /** Stages the rows (not yet visible to anyone) in chunks; returns the staging import's id. */
    long stage(List<Row> rows) {
        long id = inChunkTransaction(() -> journal.begin(time.now()));
        try {
            for (int from = 0; from < rows.size(); from += chunkRows) {
                List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + chunkRows));
                pause();
                inChunkTransaction(() -> {
                    journal.stage(id, chunk, time.now());
                    return null;
                });
            }
            return id;
        } catch (RuntimeException e) {
            discardQuietly(id, e);
            throw e;
        }
    }

    /** Marks a staged import ready, inside the caller's transaction: from here on it is applied whole. */
    void markReady(long importId) {
        journal.markReady(importId, time.now());
    }

    /**
     * After this process stopped applying a ready import: a failure of its rows is counted as a
     * failed attempt (see {@link #MAX_APPLY_ATTEMPTS}); the database staying busy is not, as it says
     * nothing about the rows. Either way the import counts as stalled at once, so that the next
     * import or resume finishes it first, before anything newer.
     */
    void markStopped(long importId, RuntimeException failure) {
        try {
            if (failure instanceof DatabaseBusy) {
                transactions.inTransaction(() -> journal.markReady(importId, Instant.EPOCH));
            } else {
                transactions.inTransaction(() -> journal.failedAttempt(importId, oneLine(failure)));
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e); // it is still finished, once its last progress is a minute old
        }
    }

    /** Applies a ready import's rows that are left, chunk by chunk; returns their outcomes, in file order. */
    List<RowOutcome> apply(long importId, Instant now) {
        List<RowOutcome> outcomes = new ArrayList<>();
        while (true) {
            pause();
            List<RowOutcome> chunk = inChunkTransaction(() -> {
                // Another process resuming the same import waits here, then reads the rows this chunk left.
                locks.lock(LockKey.catalogImport(importId));
                List<Row> rows = journal.pending(importId, chunkRows);
                List<RowOutcome> written = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    written.add(write(row, now));
                }
                if (rows.isEmpty()) {
                    journal.discard(importId, chunkRows);
                } else {
                    journal.applied(importId, rows.get(rows.size() - 1).number(), time.now());
                }
                return written;
            });
            if (chunk.isEmpty()) {
                return outcomes;
            }
            outcomes.addAll(chunk);
        }
    }

    /**
     * Finishes the ready imports that made no progress for {@code stalledAfter}, oldest first, and
     * discards the staging ones that stalled as long. Ready imports are finished strictly in the
     * order they were decided: at the first that cannot be finished (its rows fail, or the database
     * stays busy) it stops, and the later ones wait for it. One whose rows have failed
     * {@link #MAX_APPLY_ATTEMPTS} times in all is given up instead: its rows left are discarded
     * with one ERROR line, and the later ones go on.
     */
    Resumed finishStalled(Duration stalledAfter) {
        Instant cutoff = time.now().minus(stalledAfter);
        List<Long> abandoned = transactions.readOnly(() -> journal.stalledStaging(cutoff));
        for (long importId : abandoned) {
            discard(importId);
            LOG.log(Level.INFO, "discarded catalog import {0}: its process stopped while staging, nothing of it"
                    + " was applied", importId);
        }
        int handled = abandoned.size();
        for (long importId : transactions.readOnly(() -> journal.stalledReady(cutoff))) {
            String unfinished = finishOrGiveUp(importId);
            if (unfinished != null) {
                return new Resumed(handled, importId, unfinished);
            }
            handled++;
        }
        return new Resumed(handled, 0, null);
    }

    /**
     * What {@link #finishStalled} did.
     *
     * @param handled        stopped imports finished, given up or discarded
     * @param unfinishedId   the ready import that could not be finished and holds the later ones back
     * @param unfinishedWhy  why, or {@code null} when none is left
     */
    record Resumed(int handled, long unfinishedId, String unfinishedWhy) {
        boolean complete() {
            return unfinishedWhy == null;
        }
    }

    /** Applies a stalled ready import's rows left, or gives it up; returns why it is still unfinished, or null. */
    private String finishOrGiveUp(long importId) {
        CatalogImportJournal.Progress before = transactions.readOnly(() -> journal.progress(importId)).orElse(null);
        if (before == null) {
            return null; // finished meanwhile by another process
        }
        if (before.failedAttempts() >= MAX_APPLY_ATTEMPTS) {
            giveUp(importId); // the last attempt's process stopped before it could
            return null;
        }
        try {
            ImportCatalogResult rest = new ImportCatalogResult(Status.APPLIED, apply(importId, time.now()));
            LOG.log(Level.WARNING, "finished catalog import {0}, whose process had stopped: the {1} rows left"
                    + " applied ({2} created, {3} updated, {4} unchanged)", importId, rest.rows().size(),
                    rest.count(Outcome.CREATED), rest.count(Outcome.UPDATED), rest.count(Outcome.UNCHANGED));
            return null;
        } catch (DatabaseBusy e) {
            markStopped(importId, e);
            LOG.log(Level.INFO, "catalog import {0} not finished yet: the database stayed busy", importId);
            return "the database stayed busy";
        } catch (RuntimeException e) {
            String why = oneLine(e);
            int attempts = transactions.inTransaction(() -> journal.failedAttempt(importId, why));
            if (attempts >= MAX_APPLY_ATTEMPTS) {
                giveUp(importId);
                return null;
            }
            LOG.log(Level.WARNING, "catalog import {0} could not be finished (attempt {1} of {2}): {3}; its rows left"
                    + " stay staged and are tried again by the next import-catalog or within a minute by a running"
                    + " server", importId, attempts, MAX_APPLY_ATTEMPTS, why);
            return why + " (attempt " + attempts + " of " + MAX_APPLY_ATTEMPTS + ")";
        }
    }

    /** Discards what is left of a ready import whose rows keep failing, with one ERROR line saying what. */
    private void giveUp(long importId) {
        CatalogImportJournal.Progress progress = transactions.readOnly(() -> journal.progress(importId)).orElse(null);
        discard(importId);
        if (progress != null) {
            LOG.log(Level.ERROR, "gave up catalog import {0} after {1} failed attempts (last: {2}): {3} of its {4} rows"
                    + " were applied, the other {5} are discarded; import the file again once its rows can be written",
                    importId, progress.failedAttempts(), progress.lastError(),
                    progress.stagedRows() - progress.rowsLeft(), progress.stagedRows(), progress.rowsLeft());
        }
    }

    /** A failure as one line for the log and the journal: its innermost message, no stack trace. */
    static String oneLine(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    /** Removes an import that will not be applied, chunk by chunk. */
    void discard(long importId) {
        boolean gone = false;
        while (!gone) {
            gone = inChunkTransaction(() -> journal.discard(importId, chunkRows));
        }
    }

    private void discardQuietly(long importId, RuntimeException failure) {
        try {
            discard(importId);
        } catch (RuntimeException e) {
            // Left staging: a later resume discards it (ResumeCatalogImportsService).
            failure.addSuppressed(e);
        }
    }

    private void pause() {
        sleep(pauseBetweenChunks);
    }

    private static void sleep(Duration pause) {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the import goes on, only without pauses
        }
    }

    /** Creates or updates the row's product by sku, as the row says. */
    RowOutcome write(Row row, Instant now) {
        Sku sku = new Sku(row.sku());
        Optional<Product> existing = products.findBySku(sku);
        if (existing.isEmpty()) {
            NewProduct created = new NewProduct(sku, row.name(), row.description() == null ? "" : row.description(),
                    row.category(), new Money(row.price(), currency), row.stock(),
                    row.active() == null || row.active(), now, row.images() == null ? List.of() : row.images());
            Product product = products.add(created);
            return new RowOutcome(row.number(), row.source(), row.sku(), Outcome.CREATED, product.id(), List.of());
        }
        // Read again for update: the row's stock as it is now, not as an earlier read saw it.
        Product current = products.findByIdForUpdate(existing.get().id()).orElseThrow();
        Product changed = current.change(row.sku(), row.name(), row.description() == null ? "" : row.description(),
                row.category(), row.price(), row.stock(), row.active(), row.images());
        if (changed.equals(current)) {
            return new RowOutcome(row.number(), row.source(), row.sku(), Outcome.UNCHANGED, current.id(), List.of());
        }
        products.update(changed);
        return new RowOutcome(row.number(), row.source(), row.sku(), Outcome.UPDATED, current.id(), List.of());
    }

    /**
     * One chunk's transaction, tried again when another process kept the database locked past
     * the busy timeout (a chunk changes nothing until it commits, so trying again is safe).
     */
    private <T> T inChunkTransaction(Supplier<T> work) {
        for (int attempt = 0; ; attempt++) {
            try {
                return transactions.inTransaction(work);
            } catch (DatabaseBusy e) {
                if (attempt >= BUSY_RETRIES) {
                    throw e;
                }
                sleep(BUSY_RETRY_PAUSE);
            }
        }
    }
}
