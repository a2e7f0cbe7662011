package dev.storefront.bootstrap;

import dev.storefront.application.catalog.CreateProductService;
import dev.storefront.application.catalog.DeactivateProductService;
import dev.storefront.application.catalog.GetProductService;
import dev.storefront.application.catalog.ImportCatalogService;
import dev.storefront.application.catalog.ListCategoriesService;
import dev.storefront.application.catalog.SearchProductsService;
import dev.storefront.application.catalog.UpdateProductService;
import dev.storefront.application.health.CheckHealthService;
import dev.storefront.domain.port.in.catalog.CreateProductUseCase;
import dev.storefront.domain.port.in.catalog.DeactivateProductUseCase;
import dev.storefront.domain.port.in.catalog.GetProductUseCase;
import dev.storefront.domain.port.in.catalog.ImportCatalogUseCase;
import dev.storefront.domain.port.in.catalog.ListCategoriesUseCase;
import dev.storefront.domain.port.in.catalog.SearchProductsUseCase;
import dev.storefront.domain.port.in.catalog.UpdateProductUseCase;
import dev.storefront.domain.port.in.health.CheckHealthUseCase;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.http.HttpApi;
import dev.storefront.http.HttpSettings;
import dev.storefront.http.RouteGroup;
import dev.storefront.http.catalog.CatalogRoutes;
import dev.storefront.http.health.HealthRoutes;
import dev.storefront.persistence.jdbi.JdbiDatabaseHealth;
import dev.storefront.persistence.jdbi.JdbiProductRepository;
import dev.storefront.persistence.jdbi.JdbiStoreSettings;
import dev.storefront.persistence.jdbi.SqliteDatabase;
import io.undertow.server.HttpHandler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The embedding facade: the one public entry point for an application that runs Storefront inside
 * its own JVM. It wires everything by hand (no container) and gives back the use cases and an
 * Undertow {@link HttpHandler} to mount.
 *
 * <pre>{@code
 * try (Storefront storefront = Storefront.builder()
 *         .databaseUrl("jdbc:sqlite:/var/lib/shop/storefront.db")
 *         .build()) {
 *     Undertow.builder().addHttpListener(8080, "127.0.0.1")
 *             .setHandler(Handlers.path().addPrefixPath("/", storefront.httpHandler()))
 *             .build().start();
 * }
 * }</pre>
 */
public final class Storefront implements AutoCloseable {
    private final StorefrontConfig config;
    private final CheckHealthUseCase checkHealth;
    private final SearchProductsUseCase searchProducts;
    private final GetProductUseCase getProduct;
    private final ListCategoriesUseCase listCategories;
    private final CreateProductUseCase createProduct;
    private final UpdateProductUseCase updateProduct;
    private final DeactivateProductUseCase deactivateProduct;
    private final ImportCatalogUseCase importCatalog;
    private final HttpHandler httpHandler;
    private final Deque<AutoCloseable> resources;

    private Storefront(Builder builder) {
        this.config = builder.config;
        this.resources = new ArrayDeque<>();
        try {
            SqliteDatabase database = builder.dataSource != null
                    ? SqliteDatabase.using(builder.dataSource)
                    : SqliteDatabase.open(builder.databaseUrl != null ? builder.databaseUrl : config.databaseUrl());
            resources.push(database);
            new JdbiStoreSettings(database).requireCurrency(config.currency());

            this.checkHealth = new CheckHealthService(new JdbiDatabaseHealth(database));

            JdbiProductRepository products = new JdbiProductRepository(database, config.currency());
            var transactions = database.transactions();
            this.searchProducts = new SearchProductsService(products, transactions);
            this.getProduct = new GetProductService(products, transactions);
            this.listCategories = new ListCategoriesService(products, transactions);
            this.createProduct = new CreateProductService(products, transactions, builder.timeSource(), config.currency());
            this.updateProduct = new UpdateProductService(products, transactions);
            this.deactivateProduct = new DeactivateProductService(products, transactions);
            this.importCatalog = new ImportCatalogService(products, transactions, builder.timeSource(), config.currency());

            HttpSettings http = new HttpSettings(config.corsOrigins(), config.cookieSecure(), config.maxBodyBytes());
            HttpApi.Builder api = HttpApi.builder(http)
                    .routes(new HealthRoutes(checkHealth))
                    .routes(new CatalogRoutes(searchProducts, getProduct, listCategories, createProduct, updateProduct,
                            deactivateProduct));
            builder.extraRoutes.forEach(api::routes);
            this.httpHandler = api.build();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The whole HTTP API ({@code /api/…} and {@code /health}) as one handler. */
    public HttpHandler httpHandler() {
        return httpHandler;
    }

    public CheckHealthUseCase checkHealth() {
        return checkHealth;
    }

    public SearchProductsUseCase searchProducts() {
        return searchProducts;
    }

    public GetProductUseCase getProduct() {
        return getProduct;
    }

    public ListCategoriesUseCase listCategories() {
        return listCategories;
    }

    public CreateProductUseCase createProduct() {
        return createProduct;
    }

    public UpdateProductUseCase updateProduct() {
        return updateProduct;
    }

    public DeactivateProductUseCase deactivateProduct() {
        return deactivateProduct;
    }

    public ImportCatalogUseCase importCatalog() {
        return importCatalog;
    }

    public StorefrontConfig config() {
        return config;
    }

    /** Closes what Storefront opened (its connection pool, its worker pools); never the host's data source. */
    @Override
    public void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                System.getLogger(Storefront.class.getName())
                        .log(System.Logger.Level.WARNING, "closing a Storefront resource failed", e);
            }
        }
    }

    public static final class Builder {
        private StorefrontConfig config = StorefrontConfig.defaults();
        private String databaseUrl;
        private DataSource dataSource;
        private TimeSource timeSource = TimeSource.system();
        private final List<RouteGroup> extraRoutes = new ArrayList<>();

        private Builder() {}

        /** All settings at once, for example {@code StorefrontConfig.from(System.getenv(), args).config()}. */
        public Builder config(StorefrontConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** A {@code jdbc:sqlite:} URL; Storefront opens and pools it, and closes it on {@link #close()}. */
        public Builder databaseUrl(String databaseUrl) {
            this.databaseUrl = Objects.requireNonNull(databaseUrl, "databaseUrl");
            this.dataSource = null;
            return this;
        }

        /** A SQLite data source the host application owns, pools and closes. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.databaseUrl = null;
            return this;
        }

        public Builder timeSource(TimeSource timeSource) {
            this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
            return this;
        }

        /**
         * Adds the host application's own routes to Storefront's API handler, behind the same
         * request-id, security-header, CORS and CSRF filters and the same problem responses.
         */
        public Builder routes(RouteGroup routes) {
            extraRoutes.add(Objects.requireNonNull(routes, "routes"));
            return this;
        }

        TimeSource timeSource() {
            return timeSource;
        }

        public Storefront build() {
            return new Storefront(this);
        }
    }
}
