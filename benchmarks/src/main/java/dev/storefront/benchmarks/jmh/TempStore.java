package dev.storefront.benchmarks.jmh;

import dev.storefront.benchmarks.Dataset;
import dev.storefront.bootstrap.Storefront;
import dev.storefront.bootstrap.StorefrontBuilder;
import dev.storefront.bootstrap.StorefrontConfig;
import dev.storefront.domain.port.in.catalog.ImportCatalogCommand;
import dev.storefront.domain.port.out.PasswordHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** A Storefront on a fresh SQLite file in a temporary directory (WAL, the server's pool), deleted on close. */
final class TempStore implements AutoCloseable {
    final Storefront storefront;
    private final Path dir;

    TempStore(PasswordHasher hasher) {
        this(hasher, true);
    }

    /** @param catalogCache whether catalog reads may come from memory (off: the query itself is measured) */
    TempStore(PasswordHasher hasher, boolean catalogCache) {
        try {
            dir = Files.createTempDirectory("storefront-jmh");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StorefrontConfig config = StorefrontConfig.from(Map.of("DATA_DIR", dir.toString()), new String[0]).config();
        StorefrontBuilder builder = Storefront.builder().config(config).catalogCache(catalogCache);
        if (hasher != null) {
            builder.passwordHasher(hasher);
        }
        storefront = builder.build();
    }

    /** A store holding the benchmark dataset of {@code products} products. */
    static TempStore withCatalog(int products, boolean catalogCache) {
        TempStore store = new TempStore(null, catalogCache);
        store.storefront.catalog().importCatalog().importCatalog(new ImportCatalogCommand(Dataset.rows(products), false));
        return store;
    }

    @Override
    public void close() {
        storefront.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
