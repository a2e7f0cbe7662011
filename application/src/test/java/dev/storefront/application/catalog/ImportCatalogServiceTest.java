package dev.storefront.application.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.port.in.catalog.CreateProductCommand;
import dev.storefront.domain.port.in.catalog.ImportCatalogCommand;
import dev.storefront.domain.port.in.catalog.ImportCatalogCommand.Row;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult.Outcome;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult.Status;
import dev.storefront.domain.port.out.LockKey;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.inmemory.InMemoryCatalogImportJournal;
import dev.storefront.inmemory.InMemoryLocks;
import dev.storefront.inmemory.InMemoryProductRepository;
import dev.storefront.inmemory.InMemoryTransactions;
import dev.storefront.inmemory.ManualTimeSource;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Importing a catalog over the in-memory fakes: upsert by sku, all or nothing. */
class ImportCatalogServiceTest {
    private static final Currency USD = Currency.getInstance("USD");

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryProductRepository products = new InMemoryProductRepository(transactions);
    private final ManualTimeSource time = new ManualTimeSource();
    private final InMemoryCatalogImportJournal journal = new InMemoryCatalogImportJournal(transactions);
    private final InMemoryLocks locks = new InMemoryLocks(transactions);
    private final ImportCatalogService importer = new ImportCatalogService(products, journal, transactions, locks, time, USD);

    private static Row row(int number, String sku, String name, String price, Integer stock) {
        return new Row(number, "row " + number, sku, name, null, "Misc", price == null ? null : new BigDecimal(price),
                stock, null, null, List.of());
    }

    private ImportCatalogResult run(boolean onlyIntoEmpty, Row... rows) {
        return importer.importCatalog(new ImportCatalogCommand(List.of(rows), onlyIntoEmpty));
    }

    @Test
    void anExistingProductIsReadForUpdateBeforeItsRowIsWrittenBack() {
        Product lamp = new CreateProductService(products, transactions, time, USD)
                .createProduct(new CreateProductCommand("LAMP", "Lamp", "", "Misc", new BigDecimal("10.00"), 1, null));

        run(false, row(1, "LAMP", "Lamp deluxe", "12.00", 5), row(2, "DESK", "Desk", "150", 2));

        assertEquals(List.of(lamp.id()), products.readForUpdate());
    }

    @Test
    void createsNewAndUpdatesExistingProductsBySkuRegardlessOfCase() {
        Product lamp = new CreateProductService(products, transactions, time, USD)
                .createProduct(new CreateProductCommand("LAMP", "Lamp", "", "Misc", new BigDecimal("10.00"), 1, null));

        ImportCatalogResult result = run(false, row(1, "lamp", "Lamp deluxe", "12.00", 5), row(2, "DESK", "Desk", "150", 2),
                new Row(3, "row 3", "DESK-2", "Desk 2", null, "Misc", new BigDecimal("1"), 1, false, null, List.of()));

        assertEquals(Status.APPLIED, result.status());
        assertEquals(List.of(Outcome.UPDATED, Outcome.CREATED, Outcome.CREATED),
                result.rows().stream().map(ImportCatalogResult.RowOutcome::outcome).toList());
        Product updated = products.findById(lamp.id()).orElseThrow();
        assertEquals("Lamp deluxe", updated.name());
        assertEquals("12.00", updated.price().toPlainString());
        assertEquals("lamp", updated.sku().value());
        assertEquals("150.00", products.findBySku(new Sku("DESK")).orElseThrow().price().toPlainString());
        assertFalse(products.findBySku(new Sku("DESK-2")).orElseThrow().active());
    }

    @Test
    void anUnchangedRowIsReportedAsSuch() {
        run(false, row(1, "LAMP", "Lamp", "10.00", 1));

        ImportCatalogResult again = run(false, row(1, "LAMP", "Lamp", "10", 1));

        assertEquals(List.of(Outcome.UNCHANGED), again.rows().stream().map(ImportCatalogResult.RowOutcome::outcome).toList());
    }

    @Test
    void oneBadRowRejectsTheWholeFileWithEveryReason() {
        ImportCatalogResult result = run(false,
                row(1, "GOOD", "Good", "1.00", 1),
                row(2, "BAD", "", "1.001", null),
                row(3, "good", "Dup", "1.00", 1),
                new Row(4, "row 4", "TYPED", "Typed", null, "Misc", new BigDecimal("1"), null, null, null,
                        List.of(new FieldViolation("stock", "must be a whole number"))));

        assertEquals(Status.REJECTED, result.status());
        assertEquals(List.of(2, 3, 4), result.rows().stream().map(ImportCatalogResult.RowOutcome::number).toList());
        assertEquals(List.of("name", "price", "stock"),
                result.rows().get(0).reasons().stream().map(FieldViolation::field).toList());
        assertTrue(result.rows().get(1).reasons().get(0).message().contains("more than once"));
        assertEquals(List.of(new FieldViolation("stock", "must be a whole number")), result.rows().get(2).reasons());
        assertEquals(0, products.count());
    }

    @Test
    void aFailureWhileWritingLeavesNothingBehind() {
        ProductRepository failing = new FailingAfter(products, 2);
        ImportCatalogService flaky = new ImportCatalogService(failing, journal, transactions, locks, time, USD);

        assertThrows(IllegalStateException.class, () -> flaky.importCatalog(new ImportCatalogCommand(
                List.of(row(1, "A", "A", "1", 1), row(2, "B", "B", "1", 1), row(3, "C", "C", "1", 1)), false)));

        assertEquals(0, products.count());
    }

    @Test
    void intoAnEmptyCatalogOnlyWhenAskedSkipsAFilledOne() {
        assertEquals(Status.APPLIED, run(true, row(1, "A", "A", "1", 1)).status());

        ImportCatalogResult second = run(true, row(1, "B", "B", "1", 1));

        assertEquals(Status.SKIPPED_CATALOG_NOT_EMPTY, second.status());
        assertEquals(1, products.count());
    }

    /**
     * Two instances cold-starting on one empty database both import the demo catalog "only into an
     * empty catalog": the emptiness must be read under the import's lock, so that on PostgreSQL the
     * second waits for the first's commit and skips (MultiInstanceIT runs the race itself).
     */
    @Test
    void theEmptinessOfTheCatalogIsReadUnderTheEmptyCatalogImportLock() {
        assertEquals(List.of(List.of(LockKey.emptyCatalogImport())),
                locksHeldAtEachCount(List.of(row(1, "A", "A", "1", 1))));
    }

    @Test
    void aStagedImportIntoAnEmptyCatalogDecidesUnderTheSameLock() {
        // The first count is the early look outside any write transaction; the decision is the second.
        assertEquals(List.of(List.of(), List.of(LockKey.emptyCatalogImport())), locksHeldAtEachCount(rows(10)));
    }

    /** Imports the rows only into an empty catalog, in chunks of 4; the keys locked when each count ran. */
    private List<List<LockKey>> locksHeldAtEachCount(List<Row> rows) {
        FailingAfter counting = new FailingAfter(products, Integer.MAX_VALUE);
        List<List<LockKey>> locksHeld = new java.util.ArrayList<>();
        counting.beforeCount = () -> locksHeld.add(locks.taken());
        ImportCatalogService importing = new ImportCatalogService(counting, journal, transactions, locks, time, USD, 4,
                java.time.Duration.ZERO);
        assertEquals(Status.APPLIED, importing.importCatalog(new ImportCatalogCommand(rows, true)).status());
        return locksHeld;
    }

    @Test
    void eachChunkOfAStagedImportLocksTheImportBeforeItReadsTheRowsLeft() {
        ImportCatalogService chunked = new ImportCatalogService(products, journal, transactions, locks, time, USD, 4,
                java.time.Duration.ZERO);

        chunked.importCatalog(new ImportCatalogCommand(rows(10), false));

        // Three chunks of rows and the last, empty read that discards the import.
        List<LockKey> importLocks = locks.taken().stream().filter(key -> key.name().startsWith("catalog-import:"))
                .toList();
        assertEquals(4, importLocks.size(), importLocks.toString());
        assertEquals(1, importLocks.stream().distinct().count(), "one import, one key: " + importLocks);
    }

    private static List<Row> rows(int count) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(row(i, "SKU-" + i, "Product " + i, "1.00", i));
        }
        return rows;
    }

    @Test
    void aLargeFileIsWrittenInTransactionsOfAtMostOneChunkEachAndReportedWhole() {
        FailingAfter counting = new FailingAfter(products, Integer.MAX_VALUE);
        WritesPerTransaction measured = new WritesPerTransaction(transactions, counting);
        ImportCatalogService chunked = new ImportCatalogService(counting, journal, measured, locks, time, USD, 4, java.time.Duration.ZERO);
        run(false, row(1, "SKU-3", "Old 3", "9.00", 1));

        ImportCatalogResult result = chunked.importCatalog(new ImportCatalogCommand(rows(10), false));

        assertEquals(Status.APPLIED, result.status());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
                result.rows().stream().map(ImportCatalogResult.RowOutcome::number).toList());
        assertEquals(9, result.count(Outcome.CREATED));
        assertEquals(1, result.count(Outcome.UPDATED));
        assertEquals(11 - 1, products.count());
        assertEquals("Product 3", products.findBySku(new Sku("SKU-3")).orElseThrow().name());
        assertTrue(measured.most <= 4, "a transaction wrote " + measured.most + " products");
        assertTrue(journal.stalledReady(time.now().plusSeconds(3600)).isEmpty(), "the journal is emptied");
        assertTrue(journal.stalledStaging(time.now().plusSeconds(3600)).isEmpty(), "the journal is emptied");
    }

    @Test
    void aFailureMidApplyIsFinishedByTheResumeAndNeverLeavesHalfAFile() {
        ImportCatalogService flaky = new ImportCatalogService(new FailingAfter(products, 5), journal, transactions,
                locks, time, USD, 4, java.time.Duration.ZERO);
        ResumeCatalogImportsService resume = new ResumeCatalogImportsService(products, journal, transactions, locks, time,
                USD, 4, java.time.Duration.ZERO);

        IllegalStateException stopped = assertThrows(IllegalStateException.class,
                () -> flaky.importCatalog(new ImportCatalogCommand(rows(10), false)));
        assertTrue(stopped.getMessage().contains("stay staged"), stopped.getMessage());
        assertEquals(4, products.count(), "the first chunk committed, the failed one rolled back");

        assertEquals(1, resume.resumeCatalogImports(), "an import its own process gave up is finished at once");

        assertEquals(10, products.count());
        for (int i = 1; i <= 10; i++) {
            assertEquals(i, products.findBySku(new Sku("SKU-" + i)).orElseThrow().stock());
        }
        assertEquals(0, resume.resumeCatalogImports(), "nothing is left to finish");
    }

    @Test
    void aFailureWhileStagingLeavesNothingAndAStalledStagingIsDiscarded() {
        ImportCatalogService failing = new ImportCatalogService(products, new FailingStage(journal, 2), transactions,
                locks, time, USD, 4, java.time.Duration.ZERO);

        assertThrows(IllegalStateException.class, () -> failing.importCatalog(new ImportCatalogCommand(rows(10), false)));
        assertEquals(0, products.count());
        assertTrue(journal.stalledStaging(time.now().plusSeconds(3600)).isEmpty(), "the staged rows are discarded");

        long abandoned = transactions.inTransaction(() -> journal.begin(time.now()));
        transactions.inTransaction(() -> journal.stage(abandoned, rows(3), time.now()));
        ResumeCatalogImportsService resume = new ResumeCatalogImportsService(products, journal, transactions, locks, time,
                USD, 2, java.time.Duration.ZERO);
        assertEquals(0, resume.resumeCatalogImports(), "an import that made progress lately may still be running");
        time.advance(ResumeCatalogImportsService.STALLED_AFTER.plusSeconds(1));
        assertEquals(1, resume.resumeCatalogImports());
        assertEquals(0, products.count(), "a staging import is never applied");
        assertTrue(journal.pending(abandoned, 10).isEmpty());
    }

    @Test
    void anImportWhoseRowsKeepFailingIsTriedFiveTimesThenGivenUpWithOneErrorLineAndLaterImportsGoOn() {
        // Every add past the fifth fails, as a trigger or constraint refusing a row would, for ever.
        FailingAfter refusing = new FailingAfter(products, 5);
        ImportCatalogService importing = new ImportCatalogService(refusing, journal, transactions, locks, time, USD, 4,
                java.time.Duration.ZERO);
        ResumeCatalogImportsService resume = new ResumeCatalogImportsService(refusing, journal, transactions, locks, time,
                USD, 4, java.time.Duration.ZERO);
        try (LogRecords log = LogRecords.of(CatalogImportApplier.class)) {
            assertThrows(IllegalStateException.class, () -> importing.importCatalog(new ImportCatalogCommand(rows(10),
                    false)));
            long stuck = journal.stalledReady(time.now()).get(0);
            assertEquals(0, resume.resumeCatalogImports(), "attempt 2");
            assertEquals(0, resume.resumeCatalogImports(), "attempt 3");
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> importing.importCatalog(
                    new ImportCatalogCommand(List.of(row(1, "NEWER", "Newer", "1.00", 1)), false)));
            assertTrue(refused.getMessage().contains("catalog import " + stuck + ", decided before this file, could"
                    + " not be finished") && refused.getMessage().contains("(attempt 4 of 5)"), refused.getMessage());
            assertTrue(products.findBySku(new Sku("NEWER")).isEmpty(), "a later file does not land before an earlier one");

            assertEquals(1, resume.resumeCatalogImports(), "attempt 5 fails too: given up");

            assertEquals(java.util.Optional.empty(), journal.progress(stuck), "its staged rows are gone");
            assertEquals(4, products.count(), "what was applied stays");
            assertEquals(0, resume.resumeCatalogImports(), "nothing is left to try");
            assertEquals(Status.APPLIED, run(false, row(1, "NEWER", "Newer", "1.00", 1)).status());
            assertEquals(List.of(java.util.logging.Level.WARNING, java.util.logging.Level.WARNING,
                    java.util.logging.Level.WARNING, java.util.logging.Level.SEVERE), log.levelsFrom(
                    java.util.logging.Level.WARNING), "a WARNING line per retry, one ERROR line when given up");
            assertTrue(log.noneThrown(), "no stack traces");
            assertEquals(List.of(String.valueOf(stuck), "5", "disk full", "4", "10", "6"), log.parametersOfLast(), "which import, its"
                    + " attempts and last failure, rows applied, rows in all, rows not applied");
        }
    }

    @Test
    void stoppedImportsAreFinishedInTheOrderTheyWereDecidedAndALaterOneWaitsForAnEarlierOne() {
        ImportCatalogService failing = new ImportCatalogService(new FailingAfter(products, 5), journal, transactions,
                locks, time, USD, 4, java.time.Duration.ZERO);
        assertThrows(IllegalStateException.class, () -> failing.importCatalog(new ImportCatalogCommand(rows(10), false)));
        // A later import, decided and then stopped before any of it was applied: a new name for every product.
        long later = transactions.inTransaction(() -> journal.begin(time.now()));
        transactions.inTransaction(() -> {
            List<Row> renamed = rows(10).stream().map(r -> row(r.number(), r.sku(), "Later " + r.number(), "2.00",
                    r.stock())).toList();
            journal.stage(later, renamed, time.now());
            journal.markReady(later, java.time.Instant.EPOCH);
            return null;
        });
        ResumeCatalogImportsService stillFailing = new ResumeCatalogImportsService(new FailingAfter(products, 0),
                journal, transactions, locks, time, USD, 4, java.time.Duration.ZERO);

        assertEquals(0, stillFailing.resumeCatalogImports());
        assertEquals(10, journal.pending(later, 100).size(), "the later import waits for the earlier one");

        ResumeCatalogImportsService resume = new ResumeCatalogImportsService(products, journal, transactions, locks, time,
                USD, 4, java.time.Duration.ZERO);
        assertEquals(2, resume.resumeCatalogImports());
        for (int i = 1; i <= 10; i++) {
            assertEquals("Later " + i, products.findBySku(new Sku("SKU-" + i)).orElseThrow().name(), "the later file wins");
        }
    }

    /** The records one class logs through the JDK's logging while open. */
    private static final class LogRecords extends java.util.logging.Handler implements AutoCloseable {
        private final java.util.logging.Logger logger;
        private final java.util.logging.Level levelBefore;
        private final List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();

        private LogRecords(java.util.logging.Logger logger) {
            this.logger = logger;
            this.levelBefore = logger.getLevel();
            logger.setLevel(java.util.logging.Level.ALL);
            logger.addHandler(this);
        }

        static LogRecords of(Class<?> source) {
            return new LogRecords(java.util.logging.Logger.getLogger(source.getName()));
        }

        List<java.util.logging.Level> levelsFrom(java.util.logging.Level least) {
            return records.stream().map(java.util.logging.LogRecord::getLevel)
                    .filter(level -> level.intValue() >= least.intValue()).toList();
        }

        boolean noneThrown() {
            return records.stream().allMatch(record -> record.getThrown() == null);
        }

        List<String> parametersOfLast() {
            return java.util.Arrays.stream(records.get(records.size() - 1).getParameters()).map(String::valueOf).toList();
        }

        @Override
        public void publish(java.util.logging.LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(levelBefore);
        }
    }

    /** Counts the product writes each outermost write transaction makes. */
    private static final class WritesPerTransaction implements dev.storefront.domain.port.out.Transactions {
        private final dev.storefront.domain.port.out.Transactions delegate;
        private final FailingAfter writes;
        private int depth;
        int most;

        WritesPerTransaction(dev.storefront.domain.port.out.Transactions delegate, FailingAfter writes) {
            this.delegate = delegate;
            this.writes = writes;
        }

        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> work) {
            int before = writes.writes;
            depth++;
            try {
                return delegate.inTransaction(work);
            } finally {
                if (--depth == 0) {
                    most = Math.max(most, writes.writes - before);
                }
            }
        }

        @Override
        public <T> T readOnly(java.util.function.Supplier<T> work) {
            return delegate.readOnly(work);
        }
    }

    /** A journal whose staging fails at the given call. */
    private static final class FailingStage implements dev.storefront.domain.port.out.CatalogImportJournal {
        private final dev.storefront.domain.port.out.CatalogImportJournal delegate;
        private int stagesLeft;

        FailingStage(dev.storefront.domain.port.out.CatalogImportJournal delegate, int failingCall) {
            this.delegate = delegate;
            this.stagesLeft = failingCall - 1;
        }

        @Override
        public long begin(java.time.Instant now) {
            return delegate.begin(now);
        }

        @Override
        public void stage(long importId, List<Row> rows, java.time.Instant now) {
            if (stagesLeft-- <= 0) {
                throw new IllegalStateException("disk full");
            }
            delegate.stage(importId, rows, now);
        }

        @Override
        public void markReady(long importId, java.time.Instant now) {
            delegate.markReady(importId, now);
        }

        @Override
        public List<Row> pending(long importId, int limit) {
            return delegate.pending(importId, limit);
        }

        @Override
        public void applied(long importId, int number, java.time.Instant now) {
            delegate.applied(importId, number, now);
        }

        @Override
        public boolean discard(long importId, int limit) {
            return delegate.discard(importId, limit);
        }

        @Override
        public int failedAttempt(long importId, String error) {
            return delegate.failedAttempt(importId, error);
        }

        @Override
        public java.util.Optional<Progress> progress(long importId) {
            return delegate.progress(importId);
        }

        @Override
        public List<Long> stalledReady(java.time.Instant cutoff) {
            return delegate.stalledReady(cutoff);
        }

        @Override
        public List<Long> stalledStaging(java.time.Instant cutoff) {
            return delegate.stalledStaging(cutoff);
        }
    }

    /** A repository whose add fails after a number of successes, to prove the import is atomic. */
    private static final class FailingAfter implements ProductRepository {
        private final ProductRepository delegate;
        private int addsLeft;
        /** Adds and updates that went through. */
        int writes;
        /** Runs before each count (tests see what was locked by then). */
        Runnable beforeCount = () -> {};

        FailingAfter(ProductRepository delegate, int adds) {
            this.delegate = delegate;
            this.addsLeft = adds;
        }

        @Override
        public Product add(dev.storefront.domain.catalog.NewProduct product) {
            if (addsLeft-- <= 0) {
                throw new IllegalStateException("disk full");
            }
            writes++;
            return delegate.add(product);
        }

        @Override
        public void update(Product product) {
            writes++;
            delegate.update(product);
        }

        @Override
        public java.util.Optional<Product> findById(dev.storefront.domain.catalog.ProductId id) {
            return delegate.findById(id);
        }

        @Override
        public java.util.Optional<Product> findByIdForUpdate(dev.storefront.domain.catalog.ProductId id) {
            return delegate.findByIdForUpdate(id);
        }

        @Override
        public List<Product> findAllById(List<dev.storefront.domain.catalog.ProductId> ids) {
            return delegate.findAllById(ids);
        }

        @Override
        public java.util.Optional<Product> findBySku(Sku sku) {
            return delegate.findBySku(sku);
        }

        @Override
        public dev.storefront.domain.common.Page<Product> search(dev.storefront.domain.catalog.ProductFilter filter,
                dev.storefront.domain.catalog.ProductSort sort, dev.storefront.domain.common.PageRequest page) {
            return delegate.search(filter, sort, page);
        }

        @Override
        public List<dev.storefront.domain.catalog.CategorySummary> categories() {
            return delegate.categories();
        }

        @Override
        public long count() {
            beforeCount.run();
            return delegate.count();
        }

        @Override
        public boolean takeStock(dev.storefront.domain.catalog.ProductId id, int quantity) {
            return delegate.takeStock(id, quantity);
        }

        @Override
        public boolean returnStock(dev.storefront.domain.catalog.ProductId id, int quantity) {
            return delegate.returnStock(id, quantity);
        }
    }
}
