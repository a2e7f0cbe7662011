package dev.storefront.domain.port.out;

import dev.storefront.domain.port.in.catalog.ImportCatalogCommand.Row;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Catalog imports on their way into the products, so that a large file can be written in short
 * transactions and still all of it: its rows are staged first (in chunks, invisible to readers),
 * then marked ready in one short transaction — from then on the import is decided and must be
 * finished — and applied chunk by chunk, each chunk's rows leaving the journal in the transaction
 * that writes them into the products. Whoever finds a ready import that has stalled (its process
 * died) finishes it; one still staging that has stalled is discarded. Methods join the caller's
 * transaction ({@link Transactions}).
 */
public interface CatalogImportJournal {

    /** Starts a new import, staging, with {@code now} as its progress; returns its id. */
    long begin(Instant now);

    /** Adds rows (in file order, after those staged so far) and records progress. */
    void stage(long importId, List<Row> rows, Instant now);

    /** Marks a staged import ready: from now on it is applied, if need be by another process. */
    void markReady(long importId, Instant now);

    /** The rows not applied yet, in file order, at most {@code limit}. */
    List<Row> pending(long importId, int limit);

    /** Removes the rows up to and including row {@code number} (they are applied) and records progress. */
    void applied(long importId, int number, Instant now);

    /**
     * Removes at most {@code limit} rows of the import, and the import itself when none is left
     * afterwards (an unknown import counts as gone).
     *
     * @return whether the import is gone
     */
    boolean discard(long importId, int limit);

    /**
     * Records a failed attempt to apply a ready import (its rows stay staged) and makes it count as
     * stalled at once, so that the next import or resume tries it again first.
     *
     * @param error one line saying what failed, kept for the operator
     * @return the failed attempts recorded so far, this one included
     */
    int failedAttempt(long importId, String error);

    /** How far an import is, or empty for an unknown one. */
    Optional<Progress> progress(long importId);

    /**
     * @param stagedRows     rows staged in all
     * @param rowsLeft       rows staged and not applied yet
     * @param failedAttempts failed attempts to apply it ({@link #failedAttempt})
     * @param lastError      the last of those failures, or {@code null}
     */
    record Progress(int stagedRows, int rowsLeft, int failedAttempts, String lastError) {}

    /** Ready imports whose last progress is before {@code cutoff}, oldest first. */
    List<Long> stalledReady(Instant cutoff);

    /** Imports still staging whose last progress is before {@code cutoff} (their process died). */
    List<Long> stalledStaging(Instant cutoff);
}
