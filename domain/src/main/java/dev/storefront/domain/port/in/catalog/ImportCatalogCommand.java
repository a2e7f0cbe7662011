package dev.storefront.domain.port.in.catalog;

import dev.storefront.domain.common.FieldViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Products to create or update by sku, all or nothing.
 *
 * @param rows                 the products, in file order
 * @param onlyIntoEmptyCatalog import only when the store holds no product at all (active or not),
 *                             checked in the transaction that decides the import; used for the
 *                             demo catalog
 */
public record ImportCatalogCommand(List<Row> rows, boolean onlyIntoEmptyCatalog) {
    public ImportCatalogCommand {
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
    }

    /**
     * One product as read from a file. {@code null} means the field was absent; {@code description}
     * defaults to empty, {@code active} to true for new products and to unchanged for existing ones,
     * {@code images} to none for new products and to unchanged for existing ones.
     *
     * @param number     1-based position in the file, for the report
     * @param source     the row as written, for the report (may be shortened)
     * @param readErrors fields the reader could not even read (a number given as text, …)
     */
    public record Row(int number, String source, String sku, String name, String description, String category,
                      BigDecimal price, Integer stock, Boolean active, List<String> images,
                      List<FieldViolation> readErrors) {
        public Row {
            Objects.requireNonNull(source, "source");
            // Entries may be null (a row as read, checked later); the list itself is fixed here.
            images = images == null ? null : Collections.unmodifiableList(new ArrayList<>(images));
            readErrors = List.copyOf(Objects.requireNonNull(readErrors, "readErrors"));
        }
    }
}
