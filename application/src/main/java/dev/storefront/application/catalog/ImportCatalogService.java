package dev.storefront.application.catalog;

import dev.storefront.domain.catalog.ProductRules;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.port.in.catalog.ImportCatalogCommand;
import dev.storefront.domain.port.in.catalog.ImportCatalogCommand.Row;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult.Outcome;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult.RowOutcome;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult.Status;
import dev.storefront.domain.port.in.catalog.ImportCatalogUseCase;
import dev.storefront.domain.port.out.CatalogImportJournal;
import dev.storefront.domain.port.out.LockKey;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates the whole file first; then a file of at most one chunk is written in one transaction,
 * and a larger one is staged in the {@link CatalogImportJournal} in chunks, marked ready in one
 * short transaction and applied chunk by chunk (see {@link CatalogImportApplier}): no transaction
 * holds the write lock for more than one chunk. Once ready, the import is finished even if this
 * process dies: {@link ResumeCatalogImportsService} applies what is left.
 */
public final class ImportCatalogService implements ImportCatalogUseCase {
    private static final System.Logger LOG = System.getLogger(ImportCatalogService.class.getName());
    /**
     * Rows per write transaction: while 20,000 products were imported, no server write waited more
     * than about a second on a busy 2-core machine, where the whole file in one went past the 5 s
     * busy timeout (docs/reliability.md).
     */
    public static final int CHUNK_ROWS = 500;
    /**
     * How long the lock is left free before each chunk. A writer of another process (the server,
     * while {@code import-catalog} runs) waits for the lock in SQLite's busy handler, which looks
     * again only every 100 ms: an import that took the lock again right after each commit kept
     * such writers out until their busy timeout ran out (503s). Longer than one such look.
     */
    public static final Duration PAUSE_BETWEEN_CHUNKS = Duration.ofMillis(120);

    private final ProductRepository products;
    private final Transactions transactions;
    private final Locks locks;
    private final TimeSource time;
    private final CatalogImportApplier applier;

    /** @param currency the store's one currency, which every price is in */
    @Inject
    public ImportCatalogService(ProductRepository products, CatalogImportJournal journal, Transactions transactions,
                                Locks locks, TimeSource time, Currency currency) {
        this(products, journal, transactions, locks, time, currency, CHUNK_ROWS, PAUSE_BETWEEN_CHUNKS);
    }

    /** With the chunk size and pause given (tests make them small). */
    ImportCatalogService(ProductRepository products, CatalogImportJournal journal, Transactions transactions,
                         Locks locks, TimeSource time, Currency currency, int chunkRows, Duration pauseBetweenChunks) {
        this.products = Objects.requireNonNull(products, "products");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.time = Objects.requireNonNull(time, "time");
        this.applier = new CatalogImportApplier(products, Objects.requireNonNull(journal, "journal"), transactions,
                locks, time, Objects.requireNonNull(currency, "currency"), chunkRows, pauseBetweenChunks);
    }

    @Override
    public ImportCatalogResult importCatalog(ImportCatalogCommand command) {
        Objects.requireNonNull(command, "command");
        List<RowOutcome> rejected = validate(command.rows());
        if (!rejected.isEmpty()) {
            LOG.log(Level.INFO, "catalog import rejected: {0} of {1} rows invalid, nothing written",
                    rejected.size(), command.rows().size());
            return new ImportCatalogResult(Status.REJECTED, rejected);
        }
        // An earlier import that stopped half-applied goes first: a stopped file lands before any later one.
        CatalogImportApplier.Resumed earlier = applier.finishStalled(ResumeCatalogImportsService.STALLED_AFTER);
        if (!earlier.complete()) {
            throw new IllegalStateException("catalog import " + earlier.unfinishedId() + ", decided before this file,"
                    + " could not be finished: " + earlier.unfinishedWhy() + "; nothing of this file was written."
                    + " It is given up after " + CatalogImportApplier.MAX_APPLY_ATTEMPTS + " failed attempts");
        }
        ImportCatalogResult result = command.rows().size() <= applier.chunkRows ? inOneTransaction(command)
                : staged(command);
        if (result.status() == Status.APPLIED) {
            LOG.log(Level.INFO, "catalog imported: {0} created, {1} updated, {2} unchanged",
                    result.count(Outcome.CREATED), result.count(Outcome.UPDATED), result.count(Outcome.UNCHANGED));
        }
        return result;
    }

    private ImportCatalogResult inOneTransaction(ImportCatalogCommand command) {
        Instant now = time.now();
        return transactions.inTransaction(() -> {
            if (command.onlyIntoEmptyCatalog() && !catalogStillEmpty()) {
                return skipped();
            }
            List<RowOutcome> outcomes = new ArrayList<>();
            for (Row row : command.rows()) {
                outcomes.add(applier.write(row, now));
            }
            return new ImportCatalogResult(Status.APPLIED, outcomes);
        });
    }

    /**
     * Stage, decide, apply. Until the ready mark commits nothing is visible and a failure leaves
     * nothing; after it, the whole file is applied, by this process or, should it stop, by a resume.
     */
    private ImportCatalogResult staged(ImportCatalogCommand command) {
        if (command.onlyIntoEmptyCatalog() && transactions.readOnly(products::count) > 0) {
            return skipped();
        }
        long importId = applier.stage(command.rows());
        boolean ready = transactions.inTransaction(() -> {
            if (command.onlyIntoEmptyCatalog() && !catalogStillEmpty()) {
                return false;
            }
            applier.markReady(importId);
            return true;
        });
        if (!ready) {
            applier.discard(importId);
            return skipped();
        }
        try {
            return new ImportCatalogResult(Status.APPLIED, applier.apply(importId, time.now()));
        } catch (RuntimeException e) {
            applier.markStopped(importId, e);
            throw new IllegalStateException("catalog import stopped part-way (" + e.getMessage() + "); the rows not"
                    + " written yet stay staged and are written first by the next import-catalog, or within a minute"
                    + " by a running server", e);
        }
    }

    /**
     * Whether the catalog is empty, decided under a lock held to the end of the caller's transaction:
     * of two instances that start together on an empty database, the second waits for the first's
     * import to commit and then reads its products (READ COMMITTED: the count is a new statement).
     */
    private boolean catalogStillEmpty() {
        locks.lock(LockKey.emptyCatalogImport());
        return products.count() == 0;
    }

    private static ImportCatalogResult skipped() {
        return new ImportCatalogResult(Status.SKIPPED_CATALOG_NOT_EMPTY, List.of());
    }

    /** Every row's problems, before anything is written; duplicates within the file count too. */
    private static List<RowOutcome> validate(List<Row> rows) {
        List<RowOutcome> rejected = new ArrayList<>();
        Map<String, Integer> firstRowBySku = new HashMap<>();
        for (Row row : rows) {
            List<FieldViolation> reasons = new ArrayList<>(row.readErrors());
            Set<String> unreadable = row.readErrors().stream().map(FieldViolation::field).collect(Collectors.toSet());
            ProductRules.check(row.sku(), row.name(), row.description(), row.category(), row.price(), row.stock(),
                            row.images(), true)
                    .stream()
                    .filter(v -> !unreadable.contains(v.field()))
                    .forEach(reasons::add);
            if (Sku.isValid(row.sku())) {
                Integer first = firstRowBySku.putIfAbsent(new Sku(row.sku()).key(), row.number());
                if (first != null) {
                    reasons.add(new FieldViolation("sku", "appears more than once in the file (first in row " + first + ")"));
                }
            }
            if (!reasons.isEmpty()) {
                rejected.add(new RowOutcome(row.number(), row.source(), row.sku(), Outcome.REJECTED, null, reasons));
            }
        }
        return rejected;
    }
}
