package dev.storefront.inmemory;

import dev.storefront.domain.port.in.catalog.ImportCatalogCommand.Row;
import dev.storefront.domain.port.out.CatalogImportJournal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Staged catalog imports in a map, restored with the other stores on rollback. */
public final class InMemoryCatalogImportJournal implements CatalogImportJournal, InMemoryTransactions.Participant {
    /** Immutable: a change replaces the entry, so a snapshot of the map is a snapshot of everything. */
    private record Entry(boolean ready, Instant progress, List<Row> rows, int stagedRows, int attempts,
                         String lastError) {
        Entry(boolean ready, Instant progress, List<Row> rows) {
            this(ready, progress, rows, rows.size(), 0, null);
        }

        Entry with(boolean ready, Instant progress, List<Row> rows) {
            return new Entry(ready, progress, rows, stagedRows, attempts, lastError);
        }
    }

    private final Map<Long, Entry> imports = new LinkedHashMap<>();
    private long lastId;

    public InMemoryCatalogImportJournal(InMemoryTransactions transactions) {
        transactions.register(this);
    }

    @Override
    public synchronized Runnable snapshot() {
        return Snapshots.of(this, imports);
    }

    @Override
    public synchronized long begin(Instant now) {
        long id = ++lastId;
        imports.put(id, new Entry(false, Objects.requireNonNull(now, "now"), List.of()));
        return id;
    }

    @Override
    public synchronized void stage(long importId, List<Row> rows, Instant now) {
        Entry entry = existing(importId);
        if (entry.ready()) {
            throw new IllegalStateException("import " + importId + " is ready: no more rows can be staged");
        }
        List<Row> all = new ArrayList<>(entry.rows());
        all.addAll(rows);
        imports.put(importId, new Entry(false, now, List.copyOf(all), entry.stagedRows() + rows.size(),
                entry.attempts(), entry.lastError()));
    }

    @Override
    public synchronized void markReady(long importId, Instant now) {
        Entry entry = existing(importId);
        imports.put(importId, entry.with(true, now, entry.rows()));
    }

    @Override
    public synchronized List<Row> pending(long importId, int limit) {
        Entry entry = imports.get(importId);
        return entry == null ? List.of() : List.copyOf(entry.rows().subList(0, Math.min(limit, entry.rows().size())));
    }

    @Override
    public synchronized void applied(long importId, int number, Instant now) {
        Entry entry = existing(importId);
        imports.put(importId, entry.with(entry.ready(), now,
                entry.rows().stream().filter(row -> row.number() > number).toList()));
    }

    @Override
    public synchronized boolean discard(long importId, int limit) {
        Entry entry = imports.get(importId);
        if (entry == null) {
            return true;
        }
        List<Row> left = entry.rows().subList(Math.min(limit, entry.rows().size()), entry.rows().size());
        if (left.isEmpty()) {
            imports.remove(importId);
            return true;
        }
        imports.put(importId, entry.with(entry.ready(), entry.progress(), List.copyOf(left)));
        return false;
    }

    @Override
    public synchronized int failedAttempt(long importId, String error) {
        Entry entry = existing(importId);
        int attempts = entry.attempts() + 1;
        imports.put(importId, new Entry(entry.ready(), Instant.EPOCH, entry.rows(), entry.stagedRows(), attempts, error));
        return attempts;
    }

    @Override
    public synchronized Optional<Progress> progress(long importId) {
        return Optional.ofNullable(imports.get(importId)).map(entry -> new Progress(entry.stagedRows(),
                entry.rows().size(), entry.attempts(), entry.lastError()));
    }

    @Override
    public synchronized List<Long> stalledReady(Instant cutoff) {
        return stalled(true, cutoff);
    }

    @Override
    public synchronized List<Long> stalledStaging(Instant cutoff) {
        return stalled(false, cutoff);
    }

    private List<Long> stalled(boolean ready, Instant cutoff) {
        return imports.entrySet().stream()
                .filter(e -> e.getValue().ready() == ready && e.getValue().progress().isBefore(cutoff))
                .map(Map.Entry::getKey)
                .toList();
    }

    private Entry existing(long importId) {
        Entry entry = imports.get(importId);
        if (entry == null) {
            throw new IllegalStateException("no catalog import " + importId);
        }
        return entry;
    }
}
