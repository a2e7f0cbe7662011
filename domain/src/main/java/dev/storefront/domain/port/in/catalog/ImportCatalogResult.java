package dev.storefront.domain.port.in.catalog;

import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.common.FieldViolation;
import java.util.List;
import java.util.Objects;

/**
 * What an import did. When any row is rejected, nothing was written ({@link Status#REJECTED}) and
 * the other rows are reported as what they would have been.
 */
public record ImportCatalogResult(Status status, List<RowOutcome> rows) {
    public enum Status {
        /** Every row was valid and has been written. */
        APPLIED,
        /** At least one row was invalid; nothing was written. */
        REJECTED,
        /** The catalog was not empty and the import asked for an empty one; nothing was written. */
        SKIPPED_CATALOG_NOT_EMPTY
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    /** One row's fate; {@code productId} is set for rows that were written, {@code reasons} for rejected ones. */
    public record RowOutcome(int number, String source, String sku, Outcome outcome, ProductId productId,
                             List<FieldViolation> reasons) {
        public RowOutcome {
            Objects.requireNonNull(outcome, "outcome");
            reasons = List.copyOf(reasons);
        }
    }

    public ImportCatalogResult {
        Objects.requireNonNull(status, "status");
        rows = List.copyOf(rows);
    }

    public long count(Outcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }

    public List<RowOutcome> rows(Outcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).toList();
    }
}
