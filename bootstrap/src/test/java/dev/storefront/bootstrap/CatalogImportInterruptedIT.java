package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.server.Main;
import dev.storefront.domain.port.in.catalog.ImportCatalogCommand;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-catalog} of a file larger than a chunk that fails part-way on real SQLite (a
 * trigger refuses one row, as a full disk or a kill would stop it): what was applied stays, the
 * rest stays staged, and the next {@code import-catalog} writes the rest first, then its own file,
 * so the two files land whole and in order.
 */
class CatalogImportInterruptedIT {
    private static final int ROWS = 1_200;

    @TempDir
    Path dataDir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new Main(TestConfigs.environment(dataDir, "DEMO_CATALOG", "false"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private Path catalog(String name, int rows, String label) throws Exception {
        StringBuilder json = new StringBuilder("{\"products\":[");
        for (int i = 1; i <= rows; i++) {
            json.append(i > 1 ? "," : "").append("{\"sku\":\"ROW-").append(i).append("\",\"name\":\"").append(label)
                    .append(' ').append(i).append("\",\"category\":\"Rows\",\"price\":\"1.00\",\"stock\":").append(i)
                    .append('}');
        }
        return Files.writeString(dataDir.resolve(name), json.append("]}"));
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("storefront.db"));
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private long count(String query) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("storefront.db"));
             Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    void anImportStoppedPartWayIsFinishedByTheNextBeforeItsOwnFile() throws Exception {
        Path first = catalog("first.json", ROWS, "First");
        Storefront.builder().config(TestConfigs.config(dataDir)).build().close(); // the database, as a server makes it
        sql("CREATE TRIGGER refuse_row_700 BEFORE INSERT ON product WHEN NEW.sku = 'ROW-700'"
                + " BEGIN SELECT RAISE(ABORT, 'simulated failure'); END");

        assertEquals(Main.FAILED, run("import-catalog", first.toString()));

        String failure = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, failure.lines().count(), "the database line, then one line of failure: " + failure);
        assertTrue(failure.startsWith("storefront: database "), failure);
        assertTrue(failure.lines().skip(1).findFirst().orElseThrow().contains("stay staged"), failure);
        assertEquals(500, count("SELECT count(*) FROM product"), "the first chunk is applied, the failed one is not");
        assertEquals(ROWS - 500, count("SELECT count(*) FROM catalog_import_row"));

        sql("DROP TRIGGER refuse_row_700");
        Path second = catalog("second.json", 3, "Second");
        assertEquals(Main.OK, run("import-catalog", second.toString()), err.toString());

        assertEquals(ROWS, count("SELECT count(*) FROM product"));
        assertEquals(ROWS - 3, count("SELECT count(*) FROM product WHERE name LIKE 'First %'"));
        assertEquals(3, count("SELECT count(*) FROM product WHERE name LIKE 'Second %'"), "the newer file wins");
        assertEquals(0, count("SELECT count(*) FROM catalog_import_row"));
        assertEquals(0, count("SELECT count(*) FROM catalog_import"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("0 created, 3 updated, 0 unchanged"), out.toString());
    }

    @Test
    void anImportWhoseRowsKeepFailingIsGivenUpAfterFiveAttemptsAndLaterImportsGoOn() throws Exception {
        Path first = catalog("first.json", ROWS, "First");
        Path second = catalog("second.json", 3, "Second");
        Storefront.builder().config(TestConfigs.config(dataDir)).build().close();
        // Row 700 is refused for good: the first file can never be applied whole.
        sql("CREATE TRIGGER refuse_row_700 BEFORE INSERT ON product WHEN NEW.sku = 'ROW-700'"
                + " BEGIN SELECT RAISE(ABORT, 'simulated failure'); END");
        try (DatabaseBusyIT.Warnings log = DatabaseBusyIT.Warnings.install()) {
            assertEquals(Main.FAILED, run("import-catalog", first.toString()), "attempt 1");
            for (int attempt = 2; attempt <= 4; attempt++) {
                assertEquals(Main.FAILED, run("import-catalog", second.toString()), "attempt " + attempt);
                String refused = err.toString(StandardCharsets.UTF_8);
                assertEquals(2, refused.lines().count(), "the database line, then one line: " + refused);
                assertTrue(refused.contains("could not be finished") && refused.contains("simulated failure")
                        && refused.contains("attempt " + attempt + " of 5")
                        && refused.contains("nothing of this file was written"), refused);
                assertEquals(0, count("SELECT count(*) FROM product WHERE name LIKE 'Second %'"));
            }

            // The fifth attempt fails too: the first file is given up, the second goes on.
            assertEquals(Main.OK, run("import-catalog", second.toString()), err.toString());

            List<String> lines = log.lines();
            assertEquals(3, lines.stream().filter(l -> l.contains("could not be finished")).count(), lines.toString());
            List<String> gaveUp = lines.stream().filter(l -> l.contains("gave up catalog import")).toList();
            assertEquals(1, gaveUp.size(), lines.toString());
            assertTrue(lines.stream().noneMatch(line -> line.contains("\tat ")), lines.toString());
        }
        assertEquals(500, count("SELECT count(*) FROM product"), "what was applied stays");
        assertEquals(3, count("SELECT count(*) FROM product WHERE name LIKE 'Second %'"));
        assertEquals(0, count("SELECT count(*) FROM catalog_import_row"));
        assertEquals(0, count("SELECT count(*) FROM catalog_import"));
    }

    /**
     * The database locked by another process past the busy timeout while an import starts: its
     * chunk is tried again a little later (after the server-side second in which writes fail at
     * once, see JdbiTransactions) and the import goes through once the lock is free.
     */
    @Test
    void anImportWaitsOutALockHeldPastTheBusyTimeoutAndGoesThrough() throws Exception {
        List<ImportCatalogCommand.Row> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 600; i++) {
            rows.add(new ImportCatalogCommand.Row(i, "row " + i, "BUSY-" + i, "Busy " + i, null, "Rows",
                    new java.math.BigDecimal("1.00"), i, null, null, List.of()));
        }
        try (Storefront storefront = Storefront.builder().config(TestConfigs.config(dataDir)).build();
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("storefront.db"));
             Statement lock = other.createStatement()) {
            lock.execute("BEGIN IMMEDIATE");
            // Let go a little after the import's first try has waited its whole busy timeout (5 s).
            java.util.concurrent.CompletableFuture<Void> release = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(6_500);
                    lock.execute("ROLLBACK");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            ImportCatalogResult result = storefront.catalog().importCatalog().importCatalog(new ImportCatalogCommand(rows, false));

            release.get();
            assertEquals(ImportCatalogResult.Status.APPLIED, result.status());
        }
        assertEquals(600, count("SELECT count(*) FROM product"));
    }
}
