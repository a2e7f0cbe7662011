package dev.storefront.bootstrap;

import dev.storefront.application.health.CheckHealthService;
import dev.storefront.domain.port.in.health.CheckHealthUseCase;
import dev.storefront.domain.port.out.CartRepository;
import dev.storefront.http.HttpApi;
import dev.storefront.http.HttpSettings;
import dev.storefront.http.account.AccountDataRoutes;
import dev.storefront.http.account.AccountRoutes;
import dev.storefront.http.account.PasskeyRoutes;
import dev.storefront.http.account.SecondFactorRoutes;
import dev.storefront.http.cart.CartRoutes;
import dev.storefront.http.common.BoundedPool;
import dev.storefront.http.common.SessionCookies;
import dev.storefront.http.health.HealthRoutes;
import dev.storefront.http.order.OrderRoutes;
import dev.storefront.persistence.jdbi.Database;
import dev.storefront.persistence.jdbi.JdbiDatabaseHealth;
import dev.storefront.persistence.jdbi.JdbiPeriodicWork;
import dev.storefront.persistence.jdbi.JdbiStoreSettings;
import io.undertow.server.HttpHandler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The embedding facade: the one public entry point for an application that runs Storefront inside
 * its own JVM. The per-feature modules wire everything by hand (no container); the facade gives
 * back the use cases, grouped by feature ({@link #accounts()}, {@link #catalog()}, {@link #cart()},
 * {@link #orders()}, {@link #addresses()}, {@link #shipping()}, {@link #promotions()}), and an Undertow {@link HttpHandler} to mount. It reads no environment and
 * writes only to the database it is given. Close it only once the server that mounts it has
 * stopped: Undertow serves on after {@code start()} returns (the README's "Embedding" has the
 * whole program, compiled and run by {@code ReadmeSnippetsIT}).
 */
public final class Storefront implements AutoCloseable {
    private final StorefrontConfig config;
    private final CheckHealthUseCase checkHealth;
    private final AccountsModule accounts;
    private final CatalogModule catalog;
    private final CartModule cart;
    private final OrdersModule orders;
    private final AccountDataModule accountData;
    private final AddressesModule addresses;
    private final ShippingModule shipping;
    private final PromotionsModule promotions;
    private final HttpHandler httpHandler;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final String engine;

    Storefront(StorefrontBuilder builder) {
        this.config = builder.config.withDatabaseUrl(databaseInUse(builder));
        try {
            Database database = builder.dataSource != null
                    ? Databases.using(builder.dataSource, builder.groupCommit)
                    : Databases.open(config, builder.groupCommit);
            resources.push(database);
            this.engine = database.engine();
            new JdbiStoreSettings(database).requireCurrency(config.currency());

            this.checkHealth = new CheckHealthService(new JdbiDatabaseHealth(database));
            this.catalog = new CatalogModule(database, builder);
            this.cart = new CartModule(database, builder, catalog.products);
            this.accounts = new AccountsModule(database, builder, cart, resources);
            // Before orders: checkout prices with the address book, the shipping methods, rates and tax,
            // and takes and gives back the codes' uses through promotions.promoCodes.
            this.promotions = new PromotionsModule(database, builder);
            this.addresses = new AddressesModule(database, accounts);
            this.shipping = new ShippingModule(database, builder);
            this.orders = new OrdersModule(database, builder, catalog.products, accounts.users,
                    new CheckoutPorts(addresses.addresses, shipping.methods, shipping.shippingRates,
                            shipping.taxCalculator, promotions.promoCodes));
            this.accountData = new AccountDataModule(database, builder, accounts, cart, orders, addresses);

            // bcrypt routes get threads of their own: a login storm is answered 503 there, not elsewhere.
            int cores = Runtime.getRuntime().availableProcessors();
            BoundedPool hashingPool = new BoundedPool("storefront-bcrypt", Math.max(2, cores), HASHING_QUEUE);
            resources.push(hashingPool);
            ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "storefront-session-sweeper");
                thread.setDaemon(true);
                return thread;
            });
            resources.push(sweeper::shutdownNow);
            Sweeps sweeps = new Sweeps(new JdbiPeriodicWork(database), builder.timeSource, builder.sweepInterval)
                    .round("sessions", "sweeping expired sessions failed",
                            () -> accounts.useCases.sweepExpiredSessions().sweepExpired())
                    .round("idempotency-keys", "sweeping idempotency keys failed",
                            () -> orders.useCases.sweepIdempotencyKeys().sweepIdempotencyKeys())
                    .round("shared-limits", "sweeping login throttle and limits failed", accounts.sweepSharedLimits)
                    .round("catalog-imports", "finishing a stopped catalog import failed",
                            () -> catalog.useCases.resumeCatalogImports().resumeCatalogImports());
            long everyMillis = builder.sweepInterval.toMillis();
            sweeper.scheduleWithFixedDelay(sweeps, everyMillis, everyMillis, TimeUnit.MILLISECONDS);

            HttpSettings http = new HttpSettings(config.corsOrigins(), config.cookieSecure(), config.maxBodyBytes(),
                    config.trustedProxies());
            AccountUseCases account = accounts.useCases;
            SessionCookies sessionCookies = new SessionCookies(account.resolveSession(), account.startGuestSession(),
                    account.logOut(), config.cookieSecure());
            HttpApi.Builder api = HttpApi.builder(http)
                    .principals(sessionCookies)
                    .routes(new HealthRoutes(checkHealth, engine))
                    .routes(new AccountRoutes(accounts.routeUseCases(), sessionCookies, hashingPool))
                    .routes(new PasskeyRoutes(accounts.passkeyRoutes, sessionCookies))
                    .routes(new AccountDataRoutes(accountData.routeUseCases(), sessionCookies, hashingPool))
                    .routes(new SecondFactorRoutes(accounts.secondFactorRouteUseCases(), sessionCookies, hashingPool))
                    .routes(accounts.emailVerificationRoutes())
                    .routes(catalog.routes())
                    .routes(new CartRoutes(cart.routeUseCases(), sessionCookies, config.currency()))
                    .routes(new OrderRoutes(orders.routeUseCases()))
                    .routes(addresses.routes())
                    .routes(shipping.routes())
                    .routes(promotions.routes());
            builder.extraRoutes.forEach(api::routes);
            this.httpHandler = api.build();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The URL the builder names, or the config's when it was given; never a default in the working directory. */
    private static String databaseInUse(StorefrontBuilder builder) {
        if (builder.dataSource != null) {
            return StorefrontConfig.SUPPLIED_DATA_SOURCE;
        }
        if (builder.databaseUrl != null) {
            return builder.databaseUrl;
        }
        if (builder.configGiven) {
            return builder.config.databaseUrl();
        }
        throw new IllegalStateException("Storefront needs a database: give the builder databaseUrl(\"jdbc:sqlite:…\"),"
                + " dataSource(…) or config(…)");
    }

    public static StorefrontBuilder builder() {
        return new StorefrontBuilder();
    }

    /** How often the sweeps run (expired sessions and reset tokens, ...): once per interval for the whole cluster. */
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    /** Requests that may wait for a bcrypt thread before new ones are answered 503. */
    static final int HASHING_QUEUE = 64;

    /** The whole HTTP API ({@code /api/…} and {@code /health}) as one handler. */
    public HttpHandler httpHandler() {
        return httpHandler;
    }

    /** The settings in use; {@code databaseUrl()} is the database really opened (or {@link StorefrontConfig#SUPPLIED_DATA_SOURCE}). */
    public StorefrontConfig config() {
        return config;
    }

    public CheckHealthUseCase checkHealth() {
        return checkHealth;
    }

    public AccountUseCases accounts() {
        return accounts.useCases;
    }

    /** Export and deletion of an account. */
    public AccountDataUseCases accountData() {
        return accountData.useCases;
    }

    /** The users' address books. */
    public AddressUseCases addresses() {
        return addresses.useCases;
    }

    public CatalogUseCases catalog() {
        return catalog.useCases;
    }

    public CartUseCases cart() {
        return cart.useCases;
    }

    public OrderUseCases orders() {
        return orders.useCases;
    }

    /** Shipping methods and tax rates (admin-managed; what checkout offers and charges). */
    public ShippingUseCases shipping() {
        return shipping.useCases;
    }

    /** The admin's promo codes (checkout takes and gives back their uses itself). */
    public PromotionUseCases promotions() {
        return promotions.useCases;
    }

    /** The users' saved carts, for tests that fill a cart without the cart API. */
    CartRepository cartRepository() {
        return orders.carts;
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
}
