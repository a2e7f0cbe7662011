package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.in.catalog.ImportCatalogCommand.Row;
import dev.storefront.domain.port.out.CatalogImportJournal;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Staged catalog imports in tables {@code catalog_import} and {@code catalog_import_row} (V11). */
public final class JdbiCatalogImportJournal implements CatalogImportJournal {
    private final Database database;

    public JdbiCatalogImportJournal(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public long begin(Instant now) {
        return database.withHandle(h -> h.createUpdate("INSERT INTO catalog_import (ready, progress_at) VALUES (0, :at)")
                .bind("at", now.toEpochMilli())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @Override
    public void stage(long importId, List<Row> rows, Instant now) {
        database.withHandle(h -> {
            if (h.createUpdate("UPDATE catalog_import SET progress_at = :at, staged_rows = staged_rows + :rows"
                            + " WHERE id = :id AND ready = 0")
                    .bind("at", now.toEpochMilli()).bind("rows", rows.size()).bind("id", importId).execute() == 0) {
                throw new IllegalStateException("no catalog import " + importId + " is staging");
            }
            PreparedBatch batch = h.prepareBatch("INSERT INTO catalog_import_row (import_id, number, source, sku, name,"
                    + " description, category, price, stock, active, images) VALUES (:importId, :number, :source, :sku,"
                    + " :name, :description, :category, :price, :stock, :active, :images)");
            for (Row row : rows) {
                batch.bind("importId", importId)
                        .bind("number", row.number())
                        .bind("source", row.source())
                        .bind("sku", row.sku())
                        .bind("name", row.name())
                        .bind("description", row.description())
                        .bind("category", row.category())
                        .bind("price", row.price().toPlainString())
                        .bind("stock", row.stock())
                        .bind("active", row.active())
                        .bind("images", row.images() == null ? null : ProductRow.images(row.images()))
                        .add();
            }
            return rows.isEmpty() ? null : batch.execute();
        });
    }

    @Override
    public void markReady(long importId, Instant now) {
        database.withHandle(h -> {
            if (h.createUpdate("UPDATE catalog_import SET ready = 1, progress_at = :at WHERE id = :id")
                    .bind("at", now.toEpochMilli()).bind("id", importId).execute() == 0) {
                throw new IllegalStateException("no catalog import " + importId);
            }
            return null;
        });
    }

    @Override
    public List<Row> pending(long importId, int limit) {
        return database.withHandle(h -> h.createQuery("SELECT number, source, sku, name, description, category, price,"
                        + " stock, active, images FROM catalog_import_row WHERE import_id = :id ORDER BY number LIMIT :limit")
                .bind("id", importId).bind("limit", limit)
                .map((rs, ctx) -> row(rs))
                .list());
    }

    private static Row row(ResultSet rs) throws SQLException {
        boolean active = rs.getBoolean("active");
        Boolean given = rs.wasNull() ? null : active;
        return new Row(rs.getInt("number"), rs.getString("source"), rs.getString("sku"), rs.getString("name"),
                rs.getString("description"), rs.getString("category"), new BigDecimal(rs.getString("price")),
                rs.getInt("stock"), given, ProductRow.images(rs.getString("images")), List.of());
    }

    @Override
    public void applied(long importId, int number, Instant now) {
        database.withHandle(h -> {
            h.createUpdate("DELETE FROM catalog_import_row WHERE import_id = :id AND number <= :number")
                    .bind("id", importId).bind("number", number).execute();
            return h.createUpdate("UPDATE catalog_import SET progress_at = :at WHERE id = :id")
                    .bind("at", now.toEpochMilli()).bind("id", importId).execute();
        });
    }

    @Override
    public boolean discard(long importId, int limit) {
        return database.withHandle(h -> {
            h.createUpdate("DELETE FROM catalog_import_row WHERE import_id = :id AND number IN"
                            + " (SELECT number FROM catalog_import_row WHERE import_id = :id ORDER BY number LIMIT :limit)")
                    .bind("id", importId).bind("limit", limit).execute();
            boolean left = h.createQuery("SELECT EXISTS (SELECT 1 FROM catalog_import_row WHERE import_id = :id)")
                    .bind("id", importId).mapTo(Boolean.class).one();
            if (left) {
                return false;
            }
            h.createUpdate("DELETE FROM catalog_import WHERE id = :id").bind("id", importId).execute();
            return true;
        });
    }

    @Override
    public int failedAttempt(long importId, String error) {
        return database.withHandle(h -> {
            if (h.createUpdate("UPDATE catalog_import SET attempts = attempts + 1, last_error = :error, progress_at = 0"
                    + " WHERE id = :id").bind("error", error).bind("id", importId).execute() == 0) {
                throw new IllegalStateException("no catalog import " + importId);
            }
            return h.createQuery("SELECT attempts FROM catalog_import WHERE id = :id").bind("id", importId)
                    .mapTo(Integer.class).one();
        });
    }

    @Override
    public Optional<Progress> progress(long importId) {
        return database.withHandle(h -> h.createQuery("SELECT staged_rows, attempts, last_error,"
                        + " (SELECT count(*) FROM catalog_import_row WHERE import_id = :id) AS rows_left"
                        + " FROM catalog_import WHERE id = :id")
                .bind("id", importId)
                .map((rs, ctx) -> new Progress(rs.getInt("staged_rows"), rs.getInt("rows_left"), rs.getInt("attempts"),
                        rs.getString("last_error")))
                .findOne());
    }

    @Override
    public List<Long> stalledReady(Instant cutoff) {
        return stalled(1, cutoff);
    }

    @Override
    public List<Long> stalledStaging(Instant cutoff) {
        return stalled(0, cutoff);
    }

    private List<Long> stalled(int ready, Instant cutoff) {
        return database.withHandle(h -> h.createQuery("SELECT id FROM catalog_import WHERE ready = :ready"
                        + " AND progress_at < :cutoff ORDER BY id")
                .bind("ready", ready).bind("cutoff", cutoff.toEpochMilli())
                .mapTo(Long.class).list());
    }
}
