package dev.storefront.bootstrap.server;

import dev.storefront.bootstrap.Storefront;
import dev.storefront.bootstrap.StorefrontConfig;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.port.in.catalog.ImportCatalogCommand;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult.Outcome;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult.RowOutcome;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult;
import dev.storefront.http.catalog.CatalogFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code import-catalog FILE.json}: upserts the file's products by sku, all or nothing, and prints
 * one line per product (created, updated, unchanged) or, when any row is invalid, each rejected row
 * with its reasons and nothing is written. Exit 0 when imported; 1 for rejected rows or a file that
 * cannot be read or is not a catalog file; 2 for wrong usage.
 */
final class ImportCatalogCommandLine {
    private final PrintStream out;
    private final PrintStream err;

    ImportCatalogCommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(StorefrontConfig config, List<String> arguments) {
        if (arguments.size() != 1) {
            err.println("storefront: usage: import-catalog FILE.json");
            return Main.USAGE;
        }
        Path file = Path.of(arguments.get(0));
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("storefront: cannot read " + file + ": " + Main.oneLine(e));
            return Main.FAILED;
        }
        ImportCatalogCommand command;
        try {
            command = CatalogFile.read(content, config.currency(), false);
        } catch (CatalogFile.InvalidCatalogFile e) {
            err.println("storefront: " + file + " " + e.getMessage());
            return Main.FAILED;
        }
        Main.useExistingDatabase(config, err);
        try (Storefront storefront = Storefront.builder().config(config).build()) {
            return report(file, storefront.catalog().importCatalog().importCatalog(command), command.rows().size());
        }
    }

    private int report(Path file, ImportCatalogResult result, int rows) {
        if (result.status() != ImportCatalogResult.Status.APPLIED) {
            for (RowOutcome row : result.rows(Outcome.REJECTED)) {
                err.println("rejected  row " + row.number() + "  " + row.source());
                for (FieldViolation reason : row.reasons()) {
                    err.println("          " + reason.field() + ": " + reason.message());
                }
            }
            err.println("Nothing imported from " + file + ": " + result.count(Outcome.REJECTED) + " of "
                    + rows + " rows rejected.");
            return Main.FAILED;
        }
        for (RowOutcome row : result.rows()) {
            out.printf("%-9s %-24s id %s%n", row.outcome().name().toLowerCase(Locale.ROOT), row.sku(),
                    row.productId());
        }
        out.println("Imported " + result.rows().size() + " products from " + file + ": "
                + result.count(Outcome.CREATED) + " created, " + result.count(Outcome.UPDATED) + " updated, "
                + result.count(Outcome.UNCHANGED) + " unchanged.");
        return Main.OK;
    }
}
