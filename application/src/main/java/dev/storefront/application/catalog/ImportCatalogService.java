package dev.storefront.application.catalog;

import dev.storefront.domain.catalog.NewProduct;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductRules;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.port.in.catalog.ImportCatalogCommand;
import dev.storefront.domain.port.in.catalog.ImportCatalogCommand.Row;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult.Outcome;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult.RowOutcome;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult.Status;
import dev.storefront.domain.port.in.catalog.ImportCatalogUseCase;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

public final class ImportCatalogService implements ImportCatalogUseCase {
    private static final System.Logger LOG = System.getLogger(ImportCatalogService.class.getName());

    private final ProductRepository products;
    private final Transactions transactions;
    private final TimeSource time;
    private final Currency currency;

    /** @param currency the store's one currency, which every price is in */
    @Inject
    public ImportCatalogService(ProductRepository products, Transactions transactions, TimeSource time,
                                Currency currency) {
        this.products = Objects.requireNonNull(products, "products");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.time = Objects.requireNonNull(time, "time");
        this.currency = Objects.requireNonNull(currency, "currency");
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
        Instant now = time.now();
        ImportCatalogResult result = transactions.inTransaction(() -> {
            if (command.onlyIntoEmptyCatalog() && products.count() > 0) {
                return new ImportCatalogResult(Status.SKIPPED_CATALOG_NOT_EMPTY, List.of());
            }
            List<RowOutcome> outcomes = new ArrayList<>();
            for (Row row : command.rows()) {
                outcomes.add(write(row, now));
            }
            return new ImportCatalogResult(Status.APPLIED, outcomes);
        });
        if (result.status() == Status.APPLIED) {
            LOG.log(Level.INFO, "catalog imported: {0} created, {1} updated, {2} unchanged",
                    result.count(Outcome.CREATED), result.count(Outcome.UPDATED), result.count(Outcome.UNCHANGED));
        }
        return result;
    }

    /** Every row's problems, before anything is written; duplicates within the file count too. */
    private static List<RowOutcome> validate(List<Row> rows) {
        List<RowOutcome> rejected = new ArrayList<>();
        Map<String, Integer> firstRowBySku = new HashMap<>();
        for (Row row : rows) {
            List<FieldViolation> reasons = new ArrayList<>(row.readErrors());
            Set<String> unreadable = row.readErrors().stream().map(FieldViolation::field).collect(Collectors.toSet());
            ProductRules.check(row.sku(), row.name(), row.description(), row.category(), row.price(), row.stock(), true)
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

    private RowOutcome write(Row row, Instant now) {
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
}
