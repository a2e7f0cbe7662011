package dev.storefront.application.catalog;

import dev.storefront.domain.port.in.catalog.ResumeCatalogImportsUseCase;
import dev.storefront.domain.port.out.CatalogImportJournal;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Currency;
import java.util.Objects;

/**
 * Finishes ready catalog imports that made no progress for {@link #STALLED_AFTER} (their process
 * died or gave up) and discards staging ones that stalled as long; in chunks, like the import. One
 * whose rows keep failing is tried again at each call (one WARNING line each, no stack trace) and
 * given up after {@link CatalogImportApplier#MAX_APPLY_ATTEMPTS} attempts in all (one ERROR line).
 * An import that is still running makes progress every chunk, so it is left alone; and should
 * two processes apply one import at once, each chunk locks the import before it reads the rows
 * left, so the other's chunk waits and then reads what is left after it: every row is still
 * written exactly once.
 */
public final class ResumeCatalogImportsService implements ResumeCatalogImportsUseCase {
    /** Without progress for this long, an import's process is taken to have stopped. */
    public static final Duration STALLED_AFTER = Duration.ofMinutes(1);

    private final CatalogImportApplier applier;

    @Inject
    public ResumeCatalogImportsService(ProductRepository products, CatalogImportJournal journal,
                                       Transactions transactions, Locks locks, TimeSource time, Currency currency) {
        this(products, journal, transactions, locks, time, currency, ImportCatalogService.CHUNK_ROWS,
                ImportCatalogService.PAUSE_BETWEEN_CHUNKS);
    }

    ResumeCatalogImportsService(ProductRepository products, CatalogImportJournal journal, Transactions transactions,
                                Locks locks, TimeSource time, Currency currency, int chunkRows,
                                Duration pauseBetweenChunks) {
        this.applier = new CatalogImportApplier(Objects.requireNonNull(products, "products"),
                Objects.requireNonNull(journal, "journal"), Objects.requireNonNull(transactions, "transactions"),
                Objects.requireNonNull(locks, "locks"), Objects.requireNonNull(time, "time"), Objects.requireNonNull(currency, "currency"), chunkRows,
                pauseBetweenChunks);
    }

    @Override
    public int resumeCatalogImports() {
        return applier.finishStalled(STALLED_AFTER).handled();
    }
}
