package dev.storefront.bootstrap.server;

import dev.storefront.bootstrap.ShippingUseCases;
import dev.storefront.bootstrap.Storefront;
import dev.storefront.domain.port.in.shipping.PutShippingMethodCommand;
import dev.storefront.domain.port.in.catalog.ImportCatalogResult;
import dev.storefront.http.catalog.CatalogFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.List;

/**
 * The demo catalog that the standalone server loads into an empty database at its first start
 * (unless {@code DEMO_CATALOG=false}), so a newcomer sees a real shop. It is an ordinary catalog
 * file ({@code demo-catalog.json} next to this class) imported through the same use case as
 * {@code import-catalog}, but only into a store that holds no product at all; with it come two
 * shipping methods (when the store has none), as the contract's demo catalog has them.
 */
final class DemoCatalog {
    private static final System.Logger LOG = System.getLogger(DemoCatalog.class.getName());
    static final String RESOURCE = "demo-catalog.json";

    private DemoCatalog() {}

    static byte[] content() {
        try (InputStream in = DemoCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo catalog is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the demo catalog if the store has no products; says what it did. */
    static ImportCatalogResult loadIfEmpty(Storefront storefront) {
        ImportCatalogResult result = storefront.catalog().importCatalog().importCatalog(
                CatalogFile.read(content(), storefront.config().currency(), true));
        switch (result.status()) {
            case APPLIED -> {
                int methods = addShippingMethodsIfNone(storefront);
                LOG.log(Level.INFO, "loaded the demo catalog: {0} products, {1} shipping methods"
                        + " (DEMO_CATALOG=false turns this off)", result.rows().size(), methods);
            }
            case SKIPPED_CATALOG_NOT_EMPTY -> LOG.log(Level.DEBUG, "the catalog is not empty: no demo catalog loaded");
            case REJECTED -> throw new IllegalStateException("the demo catalog is invalid: " + result.rows());
        }
        return result;
    }

    /**
     * The demo's shipping methods, {@code standard} (4.90, free from 50.00) and {@code express} (14.90),
     * both shipping everywhere; only into a store that has none, so an admin's methods are never touched.
     */
    private static int addShippingMethodsIfNone(Storefront storefront) {
        ShippingUseCases shipping = storefront.shipping();
        if (!shipping.listAllShippingMethods().listAllShippingMethods().isEmpty()) {
            return 0;
        }
        shipping.putShippingMethod().putShippingMethod(new PutShippingMethodCommand("standard", "Standard shipping",
                new BigDecimal("4.90"), new BigDecimal("50.00"), List.of(), true));
        shipping.putShippingMethod().putShippingMethod(new PutShippingMethodCommand("express", "Express shipping",
                new BigDecimal("14.90"), null, List.of(), true));
        return 2;
    }
}
