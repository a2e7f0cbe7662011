package dev.storefront.benchmarks;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.port.in.catalog.ImportCatalogCommand;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible synthetic catalog: product {@code i} (1-based, which is also its id in a fresh
 * database) has sku {@code BENCH-000001}, a two-to-four word name, a description of a sentence or
 * two, one of {@link #CATEGORIES}, a price from 1.00 to 500.00 and a stock of 50 to 1,000 — except
 * every 20th product, which is out of stock (the bench scripts never add those to a cart).
 *
 * <p>{@code java -cp benchmarks.jar dev.storefront.benchmarks.Dataset PRODUCTS FILE.json} writes a
 * catalog file for {@code storefront.jar import-catalog}.
 */
public final class Dataset {
    public static final List<String> CATEGORIES = List.of("Coffee & Tea", "Kitchen", "Outdoor", "Books", "Garden",
            "Toys", "Tools", "Music", "Sports", "Office");
    private static final String[] ADJECTIVES = {"Classic", "Compact", "Deluxe", "Rustic", "Modern", "Light",
            "Heavy", "Smart", "Organic", "Vintage", "Portable", "Premium", "Basic", "Quiet", "Bright", "Soft"};
    private static final String[] NOUNS = {"Kettle", "Grinder", "Lantern", "Notebook", "Trowel", "Puzzle",
            "Wrench", "Ukulele", "Racket", "Stapler", "Mug", "Tent", "Novel", "Planter", "Kite", "Drill",
            "Speaker", "Bottle", "Chair", "Lamp", "Backpack", "Pan", "Blanket", "Clock"};
    private static final String[] MATERIALS = {"oak", "steel", "bamboo", "cotton", "glass", "ceramic", "wool",
            "recycled plastic", "cast iron", "linen"};

    private Dataset() {}

    /** The product rows of a catalog of {@code count} products, as an import reads them. */
    public static List<ImportCatalogCommand.Row> rows(int count) {
        Random random = new Random(42);
        List<ImportCatalogCommand.Row> rows = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            Product p = product(i, random);
            rows.add(new ImportCatalogCommand.Row(i, p.sku, p.sku, p.name, p.description, p.category,
                    new BigDecimal(p.price), p.stock, true, null, List.<FieldViolation>of()));
        }
        return rows;
    }

    private record Product(String sku, String name, String description, String category, String price, int stock) {}

    private static Product product(int i, Random random) {
        String sku = String.format("BENCH-%06d", i);
        int words = 2 + random.nextInt(3);
        StringBuilder name = new StringBuilder();
        for (int w = 0; w < words - 1; w++) {
            name.append(ADJECTIVES[random.nextInt(ADJECTIVES.length)]).append(' ');
        }
        name.append(NOUNS[random.nextInt(NOUNS.length)]).append(' ').append(i);
        String material = MATERIALS[random.nextInt(MATERIALS.length)];
        String description = "Made of " + material + ", built to last and easy to care for. Model " + i
                + (random.nextBoolean() ? "; ships in recyclable packaging within two working days." : ".");
        String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        long cents = 100 + random.nextInt(49_901);
        String price = (cents / 100) + "." + String.format("%02d", cents % 100);
        int stock = i % 20 == 0 ? 0 : 50 + random.nextInt(951);
        return new Product(sku, name.toString(), description, category, price, stock);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Dataset PRODUCTS FILE.json");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            out.write("{\"currency\":\"USD\",\"products\":[\n");
            for (int i = 1; i <= count; i++) {
                Product p = product(i, random);
                out.write(String.format("{\"sku\":\"%s\",\"name\":\"%s\",\"description\":\"%s\",\"category\":\"%s\","
                        + "\"price\":\"%s\",\"stock\":%d}%s%n", p.sku, p.name, p.description,
                        p.category, p.price, p.stock, i < count ? "," : ""));
            }
            out.write("]}\n");
        }
    }
}
