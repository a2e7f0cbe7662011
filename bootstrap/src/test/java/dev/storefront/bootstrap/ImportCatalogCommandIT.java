package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.server.Main;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductFilter;
import dev.storefront.domain.catalog.ProductSort;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.port.in.catalog.ProductSearchQuery;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar storefront.jar import-catalog FILE.json}, run through {@link Main} against a temp database. */
class ImportCatalogCommandIT {
    /** The example file the README points to (tests run in the bootstrap module's directory). */
    static final Path EXAMPLE = Path.of("..", "docs", "examples", "catalog.json");

    @TempDir
    Path dataDir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        Map<String, String> environment = TestConfigs.environment(dataDir, "DEMO_CATALOG", "false");
        return new Main(environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    /** The server's database, as the command expects to find it (it never creates one). */
    @BeforeEach
    void createDatabase() {
        Storefront.builder().config(TestConfigs.config(dataDir)).build().close();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<Product> products() {
        try (Storefront storefront = Storefront.builder().config(TestConfigs.config(dataDir)).build()) {
            return storefront.catalog().searchProducts().searchProducts(new ProductSearchQuery(ProductFilter.none(), ProductSort.NAME,
                    new PageRequest(1, 100))).items();
        }
    }

    private Path file(String json) throws Exception {
        Path file = dataDir.resolve("import-" + System.nanoTime() + ".json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void importsTheExampleFileAndReportsEachProduct() {
        int code = run("import-catalog", EXAMPLE.toString());

        assertEquals(Main.OK, code, err());
        assertTrue(out().contains("created   TEA-GENMAI-200"), out());
        assertTrue(out().contains("created   COF-ESP-1KG"), out());
        assertTrue(out().contains("4 created, 0 updated, 0 unchanged"), out());
        assertEquals(4, products().size());
        Product press = products().stream().filter(p -> p.sku().value().equals("KIT-FRENCH-1L")).findFirst().orElseThrow();
        assertEquals("31.50", press.price().toPlainString());
    }

    @Test
    void aRunningStorefrontSeesAnImportByAnotherProcessWithinAboutASecond() throws Exception {
        try (Storefront running = Storefront.builder().config(TestConfigs.config(dataDir)).build()) {
            ProductSearchQuery all = new ProductSearchQuery(ProductFilter.none(), ProductSort.NAME, new PageRequest(1, 100));
            assertEquals(0, running.catalog().searchProducts().searchProducts(all).total()); // cached now

            assertEquals(Main.OK, run("import-catalog", EXAMPLE.toString()), err());
            long imported = System.nanoTime();
            while (running.catalog().searchProducts().searchProducts(all).total() == 0
                    && System.nanoTime() - imported < TimeUnit.SECONDS.toNanos(10)) {
                Thread.sleep(20);
            }

            assertEquals(4, running.catalog().searchProducts().searchProducts(all).total());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - imported);
            assertTrue(millis < 3_000, "visible after " + millis + " ms");
        }
    }

    @Test
    void importingAgainUpdatesBySkuRegardlessOfCaseAndLeavesTheRestUnchanged() throws Exception {
        assertEquals(Main.OK, run("import-catalog", EXAMPLE.toString()));
        Path change = file("{\"products\":[{\"sku\":\"tea-genmai-200\",\"name\":\"Genmaicha 200 g\",\"category\":"
                + "\"Coffee & Tea\",\"price\":12,\"stock\":3},{\"sku\":\"KIT-FRENCH-1L\",\"name\":\"French Press 1 l\","
                + "\"description\":\"Borosilicate glass carafe with a stainless steel four-level filter.\","
                + "\"category\":\"Kitchen\",\"price\":\"31.50\",\"stock\":12}]}");

        assertEquals(Main.OK, run("import-catalog", change.toString()), err());

        assertTrue(out().contains("updated   tea-genmai-200"), out());
        assertTrue(out().contains("unchanged KIT-FRENCH-1L"), out());
        assertTrue(out().contains("0 created, 1 updated, 1 unchanged"), out());
        Product tea = products().stream().filter(p -> p.sku().value().equalsIgnoreCase("TEA-GENMAI-200")).findFirst()
                .orElseThrow();
        assertEquals("12.00", tea.price().toPlainString());
        assertEquals(3, tea.stock());
        assertEquals(4, products().size());
    }

    private Product product(String sku) {
        return products().stream().filter(p -> p.sku().value().equals(sku)).findFirst().orElseThrow();
    }

    @Test
    void imagesAreImportedInOrderKeptWhenARowGivesNoneAndReplacedWhenItDoes() throws Exception {
        String row = "{\"sku\":\"PIC-%d\",\"name\":\"Pictured\",\"category\":\"C\",\"price\":\"1.00\",\"stock\":1%s}";
        Path first = file("{\"products\":[" + String.format(row, 1, ",\"images\":[\"https://cdn.example.com/1.png\","
                + "\"/images/1b.svg\"]") + "," + String.format(row, 2, "") + "," + String.format(row, 3, ",\"images\":[]")
                + "]}");
        assertEquals(Main.OK, run("import-catalog", first.toString()), err());
        assertEquals(List.of("https://cdn.example.com/1.png", "/images/1b.svg"), product("PIC-1").images());
        assertEquals(List.of(), product("PIC-2").images());
        assertEquals(List.of(), product("PIC-3").images());

        Path again = file("{\"products\":[" + String.format(row, 1, "") + "," + String.format(row, 2,
                ",\"images\":[\"/images/2.svg\"]") + "," + String.format(row, 3, ",\"images\":null") + "]}");
        assertEquals(Main.OK, run("import-catalog", again.toString()), err());
        assertTrue(out().contains("unchanged PIC-1"), "a row without images keeps them: " + out());
        assertTrue(out().contains("updated   PIC-2"), out());
        assertEquals(List.of("https://cdn.example.com/1.png", "/images/1b.svg"), product("PIC-1").images());
        assertEquals(List.of("/images/2.svg"), product("PIC-2").images());

        Path cleared = file("{\"products\":[" + String.format(row, 1, ",\"images\":[]") + "]}");
        assertEquals(Main.OK, run("import-catalog", cleared.toString()), err());
        assertEquals(List.of(), product("PIC-1").images());
    }

    @Test
    void badImagesRejectTheFileNamingTheRowAndTheEntry() throws Exception {
        Path bad = file("{\"products\":[{\"sku\":\"PIC-1\",\"name\":\"A\",\"category\":\"C\",\"price\":\"1.00\","
                + "\"stock\":1,\"images\":[\"/ok.svg\",\"javascript:alert(1)\"]},"
                + "{\"sku\":\"PIC-2\",\"name\":\"B\",\"category\":\"C\",\"price\":\"1.00\",\"stock\":1,\"images\":\"/a.svg\"},"
                + "{\"sku\":\"PIC-3\",\"name\":\"C\",\"category\":\"C\",\"price\":\"1.00\",\"stock\":1,\"images\":[7]},"
                + "{\"sku\":\"PIC-4\",\"name\":\"D\",\"category\":\"C\",\"price\":\"1.00\",\"stock\":1,\"images\":["
                + String.join(",", java.util.Collections.nCopies(11, "\"/a.svg\"")) + "]}]}");

        assertEquals(Main.FAILED, run("import-catalog", bad.toString()));

        String report = err();
        assertTrue(report.contains("images[1]: must be an http:// or https:// URL or a path starting with /"), report);
        assertTrue(report.contains("images: must be an array of strings"), report);
        assertTrue(report.contains("images[0]: must be a string"), report);
        assertTrue(report.contains("images: must hold at most 10 images"), report);
        assertTrue(report.contains("4 of 4 rows rejected"), report);
        assertEquals(List.of(), products());
    }

    @Test
    void aFileWithBadRowsImportsNothingAndNamesEachRowAndReason() throws Exception {
        Path bad = file("{\"products\":[{\"sku\":\"OK-1\",\"name\":\"Fine\",\"category\":\"C\",\"price\":\"1.00\",\"stock\":1},"
                + "{\"sku\":\"BAD-1\",\"name\":\"Bad\",\"category\":\"C\",\"price\":\"1.999\",\"stock\":1},"
                + "{\"sku\":\"ok-1\",\"name\":\"Again\",\"category\":\"C\",\"price\":\"1.00\",\"stock\":\"5\"},"
                + "42]}");

        int code = run("import-catalog", bad.toString());

        assertEquals(Main.FAILED, code);
        String report = err();
        assertTrue(report.contains("rejected  row 2  {\"sku\":\"BAD-1\""), report);
        assertTrue(report.contains("price: must have at most 2 decimals"), report);
        assertTrue(report.contains("rejected  row 3"), report);
        assertTrue(report.contains("stock: must be a whole number"), report);
        assertTrue(report.contains("sku: appears more than once in the file (first in row 1)"), report);
        assertTrue(report.contains("rejected  row 4  42"), report);
        assertTrue(report.contains("Nothing imported from " + bad + ": 3 of 4 rows rejected."), report);
        assertEquals(List.of(), products());
    }

    @Test
    void aFileThatCannotBeReadOrIsNotACatalogFails() throws Exception {
        assertEquals(Main.FAILED, run("import-catalog", dataDir.resolve("missing.json").toString()));
        assertTrue(err().contains("cannot read"), err());

        assertEquals(Main.FAILED, run("import-catalog", file("{\"products\": [").toString()));
        assertTrue(err().contains("not valid JSON"), err());

        assertEquals(Main.FAILED, run("import-catalog", file("[{\"sku\":\"A\"}]").toString()));
        assertTrue(err().contains("\"products\" array"), err());

        assertEquals(Main.FAILED, run("import-catalog", file("{\"currency\":\"EUR\",\"products\":[]}").toString()));
        assertTrue(err().contains("currency is USD"), err());
        assertEquals(List.of(), products());
    }

    @Test
    void withoutADatabaseItImportsNothingAndCreatesNone() {
        Path elsewhere = dataDir.resolve("elsewhere");

        Map<String, String> environment = TestConfigs.environment(elsewhere);
        int code = new Main(environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"import-catalog", EXAMPLE.toString()});

        assertEquals(Main.FAILED, code);
        assertTrue(err().startsWith("storefront: no database at " + elsewhere.resolve("storefront.db").toAbsolutePath()
                + " (DATA_DIR is \"" + elsewhere + "\")"), err());
        assertFalse(Files.exists(elsewhere), "neither the database nor its directory is created");
    }

    @Test
    void withoutExactlyOneFileItIsAUsageError() {
        assertEquals(Main.USAGE, run("import-catalog"));
        assertTrue(err().contains("usage: import-catalog FILE.json"), err());
        assertEquals(Main.USAGE, run("import-catalog", "a.json", "b.json"));
    }

    @Test
    void helpListsTheCommand() {
        assertEquals(Main.OK, run("--help"));
        assertTrue(out().contains("import-catalog FILE.json"), out());
    }
}
