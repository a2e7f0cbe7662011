package dev.storefront.bootstrap;

import dev.storefront.application.account.AccountSettings;
import dev.storefront.application.account.ChangePasswordService;
import dev.storefront.application.account.ConfirmPasswordResetService;
import dev.storefront.application.account.GetCurrentUserService;
import dev.storefront.application.account.GetDashboardService;
import dev.storefront.application.account.GrantAdminService;
import dev.storefront.application.account.ListSessionsService;
import dev.storefront.application.account.LogInService;
import dev.storefront.application.account.LogOutService;
import dev.storefront.application.account.RegisterUserService;
import dev.storefront.application.account.RequestPasswordResetService;
import dev.storefront.application.account.ResolveSessionService;
import dev.storefront.application.account.RevokeOtherSessionsService;
import dev.storefront.application.account.RevokeSessionService;
import dev.storefront.application.account.SignUpLimits;
import dev.storefront.application.account.StartGuestSessionService;
import dev.storefront.application.account.SweepExpiredSessionsService;
import dev.storefront.application.account.UpdateProfileService;
import dev.storefront.application.cart.AddCartItemService;
import dev.storefront.application.cart.ClearCartService;
import dev.storefront.application.cart.GetCartService;
import dev.storefront.application.cart.GuestCartMerger;
import dev.storefront.application.cart.RemoveCartItemService;
import dev.storefront.application.cart.SavedCartStatistics;
import dev.storefront.application.cart.SetCartItemQuantityService;
import dev.storefront.application.catalog.CreateProductService;
import dev.storefront.application.catalog.DeactivateProductService;
import dev.storefront.application.catalog.GetProductService;
import dev.storefront.application.catalog.ImportCatalogService;
import dev.storefront.application.catalog.ListCategoriesService;
import dev.storefront.application.catalog.ResumeCatalogImportsService;
import dev.storefront.application.catalog.SearchProductsService;
import dev.storefront.application.catalog.UpdateProductService;
import dev.storefront.application.health.CheckHealthService;
import dev.storefront.application.order.CancelOrderService;
import dev.storefront.application.order.ChangeOrderStatusService;
import dev.storefront.application.order.CheckoutService;
import dev.storefront.application.order.GetOrderService;
import dev.storefront.application.order.ListOrdersService;
import dev.storefront.application.order.SweepIdempotencyKeysService;
import dev.storefront.bootstrap.server.FileOutboxNotifier;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.port.in.account.ChangePasswordUseCase;
import dev.storefront.domain.port.in.account.ConfirmPasswordResetUseCase;
import dev.storefront.domain.port.in.account.GetCurrentUserUseCase;
import dev.storefront.domain.port.in.account.GetDashboardUseCase;
import dev.storefront.domain.port.in.account.GrantAdminUseCase;
import dev.storefront.domain.port.in.account.ListSessionsUseCase;
import dev.storefront.domain.port.in.account.LogInUseCase;
import dev.storefront.domain.port.in.account.LogOutUseCase;
import dev.storefront.domain.port.in.account.RegisterUserUseCase;
import dev.storefront.domain.port.in.account.RequestPasswordResetUseCase;
import dev.storefront.domain.port.in.account.ResolveSessionUseCase;
import dev.storefront.domain.port.in.account.RevokeOtherSessionsUseCase;
import dev.storefront.domain.port.in.account.RevokeSessionUseCase;
import dev.storefront.domain.port.in.account.StartGuestSessionUseCase;
import dev.storefront.domain.port.in.account.SweepExpiredSessionsUseCase;
import dev.storefront.domain.port.in.account.UpdateProfileUseCase;
import dev.storefront.domain.port.in.cart.AddCartItemUseCase;
import dev.storefront.domain.port.in.cart.ClearCartUseCase;
import dev.storefront.domain.port.in.cart.GetCartUseCase;
import dev.storefront.domain.port.in.cart.RemoveCartItemUseCase;
import dev.storefront.domain.port.in.cart.SetCartItemQuantityUseCase;
import dev.storefront.domain.port.in.catalog.CreateProductUseCase;
import dev.storefront.domain.port.in.catalog.DeactivateProductUseCase;
import dev.storefront.domain.port.in.catalog.GetProductUseCase;
import dev.storefront.domain.port.in.catalog.ImportCatalogUseCase;
import dev.storefront.domain.port.in.catalog.ListCategoriesUseCase;
import dev.storefront.domain.port.in.catalog.ResumeCatalogImportsUseCase;
import dev.storefront.domain.port.in.catalog.SearchProductsUseCase;
import dev.storefront.domain.port.in.catalog.UpdateProductUseCase;
import dev.storefront.domain.port.in.health.CheckHealthUseCase;
import dev.storefront.domain.port.in.order.CancelOrderUseCase;
import dev.storefront.domain.port.in.order.ChangeOrderStatusUseCase;
import dev.storefront.domain.port.in.order.CheckoutUseCase;
import dev.storefront.domain.port.in.order.GetOrderUseCase;
import dev.storefront.domain.port.in.order.ListOrdersUseCase;
import dev.storefront.domain.port.in.order.SweepIdempotencyKeysUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.CartRepository;
import dev.storefront.domain.port.out.CartStatistics;
import dev.storefront.domain.port.out.GuestSessionHandover;
import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.OrderStatistics;
import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.port.out.PasswordResetNotifier;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.RateLimiter;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.session.SessionPolicy;
import dev.storefront.domain.user.PasswordPolicy;
import dev.storefront.http.HttpApi;
import dev.storefront.http.HttpSettings;
import dev.storefront.http.RouteGroup;
import dev.storefront.http.account.AccountRoutes;
import dev.storefront.http.cart.CartRoutes;
import dev.storefront.http.catalog.CatalogRoutes;
import dev.storefront.http.common.BoundedPool;
import dev.storefront.http.common.SessionCookies;
import dev.storefront.http.health.HealthRoutes;
import dev.storefront.http.order.OrderRoutes;
import dev.storefront.inmemory.InMemoryLoginThrottle;
import dev.storefront.inmemory.InMemoryRateLimiter;
import dev.storefront.persistence.jdbi.CachingProductRepository;
import dev.storefront.persistence.jdbi.Database;
import dev.storefront.persistence.jdbi.JdbiCartRepository;
import dev.storefront.persistence.jdbi.JdbiCatalogImportJournal;
import dev.storefront.persistence.jdbi.JdbiDatabaseHealth;
import dev.storefront.persistence.jdbi.JdbiIdempotencyKeyRepository;
import dev.storefront.persistence.jdbi.JdbiOrderRepository;
import dev.storefront.persistence.jdbi.JdbiOrderStatistics;
import dev.storefront.persistence.jdbi.JdbiPasswordResetTokenRepository;
import dev.storefront.persistence.jdbi.JdbiProductRepository;
import dev.storefront.persistence.jdbi.JdbiSessionRepository;
import dev.storefront.persistence.jdbi.JdbiStoreSettings;
import dev.storefront.persistence.jdbi.JdbiUserRepository;
import dev.storefront.persistence.jdbi.SessionCache;
import dev.storefront.persistence.sqlite.SqliteDatabase;
import dev.storefront.security.BcryptPasswordHasher;
import dev.storefront.security.SecureTokenGenerator;
import io.undertow.server.HttpHandler;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The embedding facade: the one public entry point for an application that runs Storefront inside
 * its own JVM. It wires everything by hand (no container) and gives back the use cases and an
 * Undertow {@link HttpHandler} to mount. Close it only once the server that mounts it has
 * stopped: Undertow serves on after {@code start()} returns (the README's "Embedding" has the
 * whole program, compiled and run by {@code ReadmeSnippetsIT}).
 *
 * <pre>{@code
 * Storefront storefront = Storefront.builder()
 *         .databaseUrl("jdbc:sqlite:/var/lib/shop/storefront.db")
 *         .build();
 * Undertow server = Undertow.builder().addHttpListener(8080, "127.0.0.1")
 *         .setHandler(storefront.httpHandler())
 *         .build();
 * server.start();
 * Runtime.getRuntime().addShutdownHook(new Thread(() -> {
 *     server.stop();
 *     storefront.close();
 * }));
 * }</pre>
 */
public final class Storefront implements AutoCloseable {
    private final StorefrontConfig config;
    private final CheckHealthUseCase checkHealth;
    private final Accounts accounts;
    private final Catalog catalog;
    private final Cart cart;
    private final Orders orders;
    private final SessionCookies sessionCookies;
    private final HttpHandler httpHandler;
    private final Deque<AutoCloseable> resources;

    private Storefront(Builder builder) {
        this.config = builder.config;
        this.resources = new ArrayDeque<>();
        try {
            SqliteDatabase sqlite = builder.dataSource != null
                    ? SqliteDatabase.using(builder.dataSource)
                    : SqliteDatabase.open(builder.databaseUrl != null ? builder.databaseUrl : config.databaseUrl());
            resources.push(sqlite);
            sqlite.groupCommit(builder.groupCommit);
            Database database = sqlite;
            new JdbiStoreSettings(database).requireCurrency(config.currency());

            this.checkHealth = new CheckHealthService(new JdbiDatabaseHealth(database));
            this.catalog = new Catalog(database, builder);
            this.cart = new Cart(database, builder, catalog.products);
            this.orders = new Orders(database, builder, catalog.products);
            this.accounts = new Accounts(database, builder, cart, resources);

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
            sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_INTERVAL.toSeconds(), SWEEP_INTERVAL.toSeconds(),
                    TimeUnit.SECONDS);

            HttpSettings http = new HttpSettings(config.corsOrigins(), config.cookieSecure(), config.maxBodyBytes(),
                    config.trustedProxies());
            this.sessionCookies = new SessionCookies(accounts.resolveSession, accounts.startGuestSession,
                    accounts.logOut, config.cookieSecure());
            HttpApi.Builder api = HttpApi.builder(http)
                    .principals(sessionCookies)
                    .routes(new HealthRoutes(checkHealth))
                    .routes(new AccountRoutes(accounts.routeUseCases(), sessionCookies, hashingPool))
                    .routes(new CatalogRoutes(catalog.searchProducts, catalog.getProduct, catalog.listCategories,
                            catalog.createProduct, catalog.updateProduct, catalog.deactivateProduct))
                    .routes(new CartRoutes(cart.routeUseCases(), sessionCookies, config.currency()))
                    .routes(new OrderRoutes(orders.routeUseCases()));
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

    /** How often expired sessions and reset tokens are deleted. */
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    /** Requests that may wait for a bcrypt thread before new ones are answered 503. */
    static final int HASHING_QUEUE = 64;

    private void sweep() {
        try {
            accounts.sweepExpired.sweepExpired();
        } catch (RuntimeException e) {
            System.getLogger(Storefront.class.getName()).log(Level.WARNING, "sweeping expired sessions failed", e);
        }
        try {
            orders.sweepIdempotencyKeys.sweepIdempotencyKeys();
        } catch (RuntimeException e) {
            System.getLogger(Storefront.class.getName()).log(Level.WARNING, "sweeping idempotency keys failed", e);
        }
        try {
            catalog.resumeCatalogImports.resumeCatalogImports();
        } catch (RuntimeException e) {
            System.getLogger(Storefront.class.getName()).log(Level.WARNING, "finishing a stopped catalog import failed", e);
        }
    }

    /** The account use cases, wired on the JDBI adapters and the builder's choices of the other ports. */
    private static final class Accounts {
        final RegisterUserUseCase registerUser;
        final LogInUseCase logIn;
        final LogOutUseCase logOut;
        final ResolveSessionUseCase resolveSession;
        final StartGuestSessionUseCase startGuestSession;
        final GetCurrentUserUseCase currentUser;
        final GetDashboardUseCase dashboard;
        final UpdateProfileUseCase updateProfile;
        final ChangePasswordUseCase changePassword;
        final RequestPasswordResetUseCase requestPasswordReset;
        final ConfirmPasswordResetUseCase confirmPasswordReset;
        final ListSessionsUseCase listSessions;
        final RevokeSessionUseCase revokeSession;
        final RevokeOtherSessionsUseCase revokeOtherSessions;
        final GrantAdminUseCase grantAdmin;
        final SweepExpiredSessionsUseCase sweepExpired;

        Accounts(Database database, Builder builder, Cart cart, Deque<AutoCloseable> resources) {
            StorefrontConfig config = builder.config;
            Transactions tx = database.transactions();
            SessionCache sessionCache = new SessionCache(database);
            JdbiUserRepository users = new JdbiUserRepository(database, sessionCache);
            JdbiSessionRepository sessions = new JdbiSessionRepository(database, sessionCache);
            JdbiPasswordResetTokenRepository resetTokens = new JdbiPasswordResetTokenRepository(database);
            PasswordHasher hasher = builder.passwordHasher != null ? builder.passwordHasher
                    : new BcryptPasswordHasher(config.bcryptCost());
            TokenGenerator tokens = new SecureTokenGenerator();
            PasswordPolicy policy = PasswordPolicy.standard();
            AsyncPasswordResetNotifier notifier = new AsyncPasswordResetNotifier(builder.passwordResetNotifier != null
                    ? builder.passwordResetNotifier : new FileOutboxNotifier(config.mailOutbox()));
            resources.push(notifier);
            // The first unknown-user login must not pay for making the dummy hash: make it now, aside.
            Thread warmUp = new Thread(hasher::dummyHash, "storefront-bcrypt-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
            AccountEvents events = builder.accountEvents != null ? builder.accountEvents : new LoggingAccountEvents();
            LoginThrottle throttle = builder.loginThrottle != null ? builder.loginThrottle : new InMemoryLoginThrottle();
            // One limiter per purpose: a flood of guest sessions must not crowd out reset-request counters.
            RateLimiter registrations = new InMemoryRateLimiter();
            RateLimiter guestSessions = new InMemoryRateLimiter();
            RateLimiter profileUpdates = new InMemoryRateLimiter();
            RateLimiter resetRequests = new InMemoryRateLimiter();
            OrderStatistics orders = builder.orderStatistics != null ? builder.orderStatistics
                    : new JdbiOrderStatistics(database, config.currency());
            CartStatistics carts = builder.cartStatistics != null ? builder.cartStatistics : cart.statistics;
            GuestSessionHandover handover = builder.guestSessionHandover != null ? builder.guestSessionHandover
                    : cart.guestMerger;
            TimeSource time = builder.timeSource;
            AccountSettings settings = new AccountSettings(
                    new SessionPolicy(config.sessionIdleTimeout(), config.sessionMaxLifetime()),
                    AccountSettings.DEFAULT_RESET_TOKEN_LIFETIME);

            SignUpLimits signUpLimits = new SignUpLimits(config.registrationsPerHour(), config.guestSessionsPerHour());
            registerUser = new RegisterUserService(tx, users, hasher, policy, time, events, registrations,
                    signUpLimits);
            logIn = new LogInService(tx, users, sessions, hasher, tokens, throttle, handover, events, time, settings);
            logOut = new LogOutService(tx, sessions, tokens, events, time);
            resolveSession = new ResolveSessionService(tx, sessions, tokens, time, settings);
            startGuestSession = new StartGuestSessionService(tx, sessions, tokens, time, settings, guestSessions,
                    signUpLimits);
            currentUser = new GetCurrentUserService(tx, users);
            dashboard = new GetDashboardService(tx, users, orders, carts);
            updateProfile = new UpdateProfileService(tx, users, resetTokens, hasher, throttle, events, time,
                    profileUpdates);
            changePassword = new ChangePasswordService(tx, users, sessions, resetTokens, hasher, policy, tokens,
                    throttle, events, time, settings);
            requestPasswordReset = new RequestPasswordResetService(tx, users, resetTokens, tokens, notifier,
                    resetRequests, events, time, settings);
            confirmPasswordReset = new ConfirmPasswordResetService(tx, users, sessions, resetTokens, hasher, policy,
                    tokens, events, time);
            listSessions = new ListSessionsService(tx, sessions, tokens, time, settings);
            revokeSession = new RevokeSessionService(tx, sessions, events, time);
            revokeOtherSessions = new RevokeOtherSessionsService(tx, sessions, tokens, events, time);
            grantAdmin = new GrantAdminService(tx, users, events, time);
            sweepExpired = new SweepExpiredSessionsService(tx, sessions, resetTokens, time, settings);
        }

        AccountRoutes.UseCases routeUseCases() {
            return new AccountRoutes.UseCases(registerUser, logIn, logOut, currentUser, dashboard, updateProfile,
                    changePassword, requestPasswordReset, confirmPasswordReset, listSessions, revokeSession,
                    revokeOtherSessions);
        }
    }

    /** The catalog use cases, on the JDBI product repository behind the catalog read cache. */
    private static final class Catalog {
        final ProductRepository products;
        final SearchProductsUseCase searchProducts;
        final GetProductUseCase getProduct;
        final ListCategoriesUseCase listCategories;
        final CreateProductUseCase createProduct;
        final UpdateProductUseCase updateProduct;
        final DeactivateProductUseCase deactivateProduct;
        final ImportCatalogUseCase importCatalog;
        final ResumeCatalogImportsUseCase resumeCatalogImports;

        Catalog(Database database, Builder builder) {
            Currency currency = builder.config.currency();
            JdbiProductRepository stored = new JdbiProductRepository(database, currency);
            products = builder.catalogCache ? new CachingProductRepository(stored) : stored;
            Transactions tx = database.transactions();
            searchProducts = new SearchProductsService(products);
            getProduct = new GetProductService(products);
            listCategories = new ListCategoriesService(products);
            createProduct = new CreateProductService(products, tx, builder.timeSource, currency);
            updateProduct = new UpdateProductService(products, tx);
            deactivateProduct = new DeactivateProductService(products, tx);
            JdbiCatalogImportJournal imports = new JdbiCatalogImportJournal(database);
            importCatalog = new ImportCatalogService(products, imports, tx, builder.timeSource, currency);
            resumeCatalogImports = new ResumeCatalogImportsService(products, imports, tx, builder.timeSource, currency);
        }
    }

    /**
     * The cart use cases on the JDBI cart and product repositories, and the two ports the accounts
     * feature calls: the guest cart merge at login and the dashboard's cart size.
     */
    private static final class Cart {
        final GetCartUseCase getCart;
        final AddCartItemUseCase addItem;
        final SetCartItemQuantityUseCase setQuantity;
        final RemoveCartItemUseCase removeItem;
        final ClearCartUseCase clearCart;
        final GuestSessionHandover guestMerger;
        final CartStatistics statistics;

        Cart(Database database, Builder builder, ProductRepository products) {
            Currency currency = builder.config.currency();
            JdbiCartRepository carts = new JdbiCartRepository(database);
            Transactions tx = database.transactions();
            getCart = new GetCartService(carts, products, tx, currency);
            addItem = new AddCartItemService(carts, products, tx, builder.timeSource, currency);
            setQuantity = new SetCartItemQuantityService(carts, products, tx, currency);
            removeItem = new RemoveCartItemService(carts, products, tx, currency);
            clearCart = new ClearCartService(carts, tx, currency);
            guestMerger = new GuestCartMerger(carts, products, tx);
            statistics = new SavedCartStatistics(carts, tx);
        }

        CartRoutes.UseCases routeUseCases() {
            return new CartRoutes.UseCases(getCart, addItem, setQuantity, removeItem, clearCart);
        }
    }

    /** Checkout and orders, on the JDBI adapters. */
    private static final class Orders {
        final CartRepository carts;
        final CheckoutUseCase checkout;
        final ListOrdersUseCase listOrders;
        final GetOrderUseCase getOrder;
        final CancelOrderUseCase cancelOrder;
        final ChangeOrderStatusUseCase changeOrderStatus;
        final SweepIdempotencyKeysUseCase sweepIdempotencyKeys;

        Orders(Database database, Builder builder, ProductRepository products) {
            Currency currency = builder.config.currency();
            Transactions tx = database.transactions();
            OrderRepository orders = builder.orderRepositoryDecorator.apply(new JdbiOrderRepository(database, currency));
            JdbiIdempotencyKeyRepository keys = new JdbiIdempotencyKeyRepository(database);
            TimeSource time = builder.timeSource;
            carts = new JdbiCartRepository(database);
            checkout = new CheckoutService(tx, carts, products, orders, keys, time);
            listOrders = new ListOrdersService(tx, orders);
            getOrder = new GetOrderService(tx, orders);
            cancelOrder = new CancelOrderService(tx, orders, products, time);
            changeOrderStatus = new ChangeOrderStatusService(tx, orders, products, time);
            sweepIdempotencyKeys = new SweepIdempotencyKeysService(tx, keys, time);
        }

        OrderRoutes.UseCases routeUseCases() {
            return new OrderRoutes.UseCases(checkout, listOrders, getOrder, cancelOrder, changeOrderStatus);
        }
    }

    /** The whole HTTP API ({@code /api/…} and {@code /health}) as one handler. */
    public HttpHandler httpHandler() {
        return httpHandler;
    }

    public CheckHealthUseCase checkHealth() {
        return checkHealth;
    }

    public StorefrontConfig config() {
        return config;
    }

    public SearchProductsUseCase searchProducts() {
        return catalog.searchProducts;
    }

    public GetProductUseCase getProduct() {
        return catalog.getProduct;
    }

    public ListCategoriesUseCase listCategories() {
        return catalog.listCategories;
    }

    public CreateProductUseCase createProduct() {
        return catalog.createProduct;
    }

    public UpdateProductUseCase updateProduct() {
        return catalog.updateProduct;
    }

    public DeactivateProductUseCase deactivateProduct() {
        return catalog.deactivateProduct;
    }

    public ImportCatalogUseCase importCatalog() {
        return catalog.importCatalog;
    }

    /** Finishes catalog imports whose process stopped half-way; a running Storefront does it once a minute. */
    public ResumeCatalogImportsUseCase resumeCatalogImports() {
        return catalog.resumeCatalogImports;
    }

    public GetCartUseCase getCart() {
        return cart.getCart;
    }

    public AddCartItemUseCase addCartItem() {
        return cart.addItem;
    }

    public SetCartItemQuantityUseCase setCartItemQuantity() {
        return cart.setQuantity;
    }

    public RemoveCartItemUseCase removeCartItem() {
        return cart.removeItem;
    }

    public ClearCartUseCase clearCart() {
        return cart.clearCart;
    }

    public CheckoutUseCase checkout() {
        return orders.checkout;
    }

    public ListOrdersUseCase listOrders() {
        return orders.listOrders;
    }

    public GetOrderUseCase getOrder() {
        return orders.getOrder;
    }

    public CancelOrderUseCase cancelOrder() {
        return orders.cancelOrder;
    }

    public ChangeOrderStatusUseCase changeOrderStatus() {
        return orders.changeOrderStatus;
    }

    public SweepIdempotencyKeysUseCase sweepIdempotencyKeys() {
        return orders.sweepIdempotencyKeys;
    }

    /** The users' saved carts, for tests that fill a cart without the cart API. */
    CartRepository cartRepository() {
        return orders.carts;
    }

    public RegisterUserUseCase registerUser() {
        return accounts.registerUser;
    }

    public LogInUseCase logIn() {
        return accounts.logIn;
    }

    public LogOutUseCase logOut() {
        return accounts.logOut;
    }

    public ResolveSessionUseCase resolveSession() {
        return accounts.resolveSession;
    }

    public StartGuestSessionUseCase startGuestSession() {
        return accounts.startGuestSession;
    }

    public GetCurrentUserUseCase currentUser() {
        return accounts.currentUser;
    }

    public GetDashboardUseCase dashboard() {
        return accounts.dashboard;
    }

    public UpdateProfileUseCase updateProfile() {
        return accounts.updateProfile;
    }

    public ChangePasswordUseCase changePassword() {
        return accounts.changePassword;
    }

    public RequestPasswordResetUseCase requestPasswordReset() {
        return accounts.requestPasswordReset;
    }

    public ConfirmPasswordResetUseCase confirmPasswordReset() {
        return accounts.confirmPasswordReset;
    }

    public ListSessionsUseCase listSessions() {
        return accounts.listSessions;
    }

    public RevokeSessionUseCase revokeSession() {
        return accounts.revokeSession;
    }

    public RevokeOtherSessionsUseCase revokeOtherSessions() {
        return accounts.revokeOtherSessions;
    }

    public GrantAdminUseCase grantAdmin() {
        return accounts.grantAdmin;
    }

    public SweepExpiredSessionsUseCase sweepExpiredSessions() {
        return accounts.sweepExpired;
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
        private PasswordHasher passwordHasher;
        private PasswordResetNotifier passwordResetNotifier;
        private AccountEvents accountEvents;
        private LoginThrottle loginThrottle;
        private OrderStatistics orderStatistics;
        private CartStatistics cartStatistics;
        private GuestSessionHandover guestSessionHandover;
        private UnaryOperator<OrderRepository> orderRepositoryDecorator = UnaryOperator.identity();
        private boolean catalogCache = true;
        private boolean groupCommit = true;
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

        /** The password hasher; default bcrypt (BouncyCastle) at {@code BCRYPT_COST}. */
        public Builder passwordHasher(PasswordHasher passwordHasher) {
            this.passwordHasher = Objects.requireNonNull(passwordHasher, "passwordHasher");
            return this;
        }

        /** Your mailer for reset tokens; default one file per message in {@code MAIL_OUTBOX}. */
        public Builder passwordResetNotifier(PasswordResetNotifier passwordResetNotifier) {
            this.passwordResetNotifier = Objects.requireNonNull(passwordResetNotifier, "passwordResetNotifier");
            return this;
        }

        /** Where account events go; default one log line each (logger {@code dev.storefront.audit}). */
        public Builder accountEvents(AccountEvents accountEvents) {
            this.accountEvents = Objects.requireNonNull(accountEvents, "accountEvents");
            return this;
        }

        /** The failed-login counters; default in memory (per process). */
        public Builder loginThrottle(LoginThrottle loginThrottle) {
            this.loginThrottle = Objects.requireNonNull(loginThrottle, "loginThrottle");
            return this;
        }

        /** The dashboard's order figures; default computed from the stored orders. */
        public Builder orderStatistics(OrderStatistics orderStatistics) {
            this.orderStatistics = Objects.requireNonNull(orderStatistics, "orderStatistics");
            return this;
        }

        /** The dashboard's cart size; default the units in the user's saved cart. */
        public Builder cartStatistics(CartStatistics cartStatistics) {
            this.cartStatistics = Objects.requireNonNull(cartStatistics, "cartStatistics");
            return this;
        }

        /** Told when a guest logs in; default merging the guest's cart into the user's saved cart. */
        public Builder guestSessionHandover(GuestSessionHandover guestSessionHandover) {
            this.guestSessionHandover = Objects.requireNonNull(guestSessionHandover, "guestSessionHandover");
            return this;
        }

        /**
         * Whether catalog reads (pages, products, categories) are served from memory; default on.
         * Changes made through Storefront show at once, those by other processes on the same
         * database file within about a second. Off, every read goes to the database.
         */
        public Builder catalogCache(boolean enabled) {
            this.catalogCache = enabled;
            return this;
        }

        /**
         * Whether write transactions that arrive together are committed together (group commit);
         * default on. Their work may then run on another caller's thread while its own waits. Turn
         * it off if adapters you plug in that run inside write transactions (a
         * {@code GuestSessionHandover}, a thread-bound data source) rely on the calling thread:
         * each write transaction then runs alone, on its caller's thread, at the cost of the
         * throughput group commit brings under concurrent writers (docs/performance.md).
         */
        public Builder groupCommit(boolean enabled) {
            this.groupCommit = enabled;
            return this;
        }

        /** Wraps the order repository the use cases get (tests inject faults through this). */
        Builder orderRepositoryDecorator(UnaryOperator<OrderRepository> decorator) {
            this.orderRepositoryDecorator = Objects.requireNonNull(decorator, "decorator");
            return this;
        }

        public Storefront build() {
            return new Storefront(this);
        }
    }
}
