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

    private final ProductRepository products;
    private final CatalogImportJournal journal;
    private final Transactions transactions;
    private final TimeSource time;
    private final Currency currency;
    final int chunkRows;
    private final Duration pauseBetweenChunks;

    /**
     * @param pauseBetweenChunks how long to leave the write lock free before each chunk, so that
     *                           writers of other processes get it (see {@link ImportCatalogService#PAUSE_BETWEEN_CHUNKS})
     */
    CatalogImportApplier(ProductRepository products, CatalogImportJournal journal, Transactions transactions,
                         TimeSource time, Currency currency, int chunkRows, Duration pauseBetweenChunks) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be at least 1");
        }
        this.products = products;
        this.journal = journal;
        this.transactions = transactions;
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
     * Marks a ready import that this process stopped applying as stalled at once, so that the next
     * import or resume finishes it first, before anything newer.
     */
    void markStopped(long importId, RuntimeException failure) {
        try {
            transactions.inTransaction(() -> journal.markReady(importId, Instant.EPOCH));
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
     * Finishes the ready imports that made no progress for {@code stalledAfter} and discards the
     * staging ones that stalled as long, oldest first.
     *
     * @return how many it finished or discarded
     */
    int finishStalled(Duration stalledAfter) {
        Instant cutoff = time.now().minus(stalledAfter);
        List<Long> abandoned = transactions.readOnly(() -> journal.stalledStaging(cutoff));
        for (long importId : abandoned) {
            discard(importId);
            LOG.log(Level.INFO, "discarded catalog import {0}: its process stopped while staging, nothing of it"
                    + " was applied", importId);
        }
        List<Long> unfinished = transactions.readOnly(() -> journal.stalledReady(cutoff));
        for (long importId : unfinished) {
            ImportCatalogResult rest = new ImportCatalogResult(Status.APPLIED, apply(importId, time.now()));
            LOG.log(Level.WARNING, "finished catalog import {0}, whose process had stopped: the {1} rows left"
                    + " applied ({2} created, {3} updated, {4} unchanged)", importId, rest.rows().size(),
                    rest.count(Outcome.CREATED), rest.count(Outcome.UPDATED), rest.count(Outcome.UNCHANGED));
        }
        return abandoned.size() + unfinished.size();
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
        if (pauseBetweenChunks.isZero()) {
            return;
        }
        try {
            Thread.sleep(pauseBetweenChunks.toMillis());
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
                    row.active() == null || row.active(), now);
            Product product = products.add(created);
            return new RowOutcome(row.number(), row.source(), row.sku(), Outcome.CREATED, product.id(), List.of());
        }
        Product current = existing.get();
        Product changed = current.change(row.sku(), row.name(), row.description() == null ? "" : row.description(),
                row.category(), row.price(), row.stock(), row.active());
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
            }
        }
    }
}
