package dev.storefront.bootstrap;

import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.AccountMailer;
import dev.storefront.domain.port.out.CartStatistics;
import dev.storefront.domain.port.out.GuestSessionHandover;
import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.OrderStatistics;
import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.port.out.PasswordResetNotifier;
import dev.storefront.domain.port.out.ShippingRates;
import dev.storefront.domain.port.out.TaxCalculator;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.http.RouteGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/** How {@link Storefront#builder()} is told what to use; the feature modules read its choices. */
public final class StorefrontBuilder {
    StorefrontConfig config = StorefrontConfig.defaults();
    boolean configGiven;
    String databaseUrl;
    DataSource dataSource;
    TimeSource timeSource = TimeSource.system();
    PasswordHasher passwordHasher;
    PasswordResetNotifier passwordResetNotifier;
    AccountMailer accountMailer;
    AccountEvents accountEvents;
    LoginThrottle loginThrottle;
    OrderStatistics orderStatistics;
    CartStatistics cartStatistics;
    GuestSessionHandover guestSessionHandover;
    ShippingRates shippingRates;
    TaxCalculator taxCalculator;
    UnaryOperator<OrderRepository> orderRepositoryDecorator = UnaryOperator.identity();
    boolean catalogCache = true;
    boolean groupCommit = true;
    Duration sweepInterval = Storefront.SWEEP_INTERVAL;
    final List<RouteGroup> extraRoutes = new ArrayList<>();

    StorefrontBuilder() {}

    /**
     * All settings at once; the database is the config's {@code databaseUrl} unless
     * {@link #databaseUrl} or {@link #dataSource} names another. Storefront reads no environment
     * itself: the standalone server passes what it read from its environment.
     */
    public StorefrontBuilder config(StorefrontConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.configGiven = true;
        return this;
    }

    /** A {@code jdbc:sqlite:} URL; Storefront opens and pools it, and closes it on {@link Storefront#close()}. */
    public StorefrontBuilder databaseUrl(String databaseUrl) {
        this.databaseUrl = Objects.requireNonNull(databaseUrl, "databaseUrl");
        this.dataSource = null;
        return this;
    }

    /** A SQLite data source the host application owns, pools and closes. */
    public StorefrontBuilder dataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.databaseUrl = null;
        return this;
    }

    public StorefrontBuilder timeSource(TimeSource timeSource) {
        this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
        return this;
    }

    /**
     * Adds the host application's own routes to Storefront's API handler, behind the same
     * request-id, security-header, CORS and CSRF filters and the same problem responses.
     */
    public StorefrontBuilder routes(RouteGroup routes) {
        extraRoutes.add(Objects.requireNonNull(routes, "routes"));
        return this;
    }

    /** The password hasher; default bcrypt (BouncyCastle) at {@code BCRYPT_COST}. */
    public StorefrontBuilder passwordHasher(PasswordHasher passwordHasher) {
        this.passwordHasher = Objects.requireNonNull(passwordHasher, "passwordHasher");
        return this;
    }

    /** Your mailer for reset tokens; without one no mail is sent and a WARNING line says so. */
    public StorefrontBuilder passwordResetNotifier(PasswordResetNotifier passwordResetNotifier) {
        this.passwordResetNotifier = Objects.requireNonNull(passwordResetNotifier, "passwordResetNotifier");
        return this;
    }

    /**
     * Your mailer for verification links and email change notices (sent after commit, off the
     * request thread); without one no mail is sent and a WARNING line says so.
     */
    public StorefrontBuilder accountMailer(AccountMailer accountMailer) {
        this.accountMailer = Objects.requireNonNull(accountMailer, "accountMailer");
        return this;
    }

    /** Where account events go; default one log line each (logger {@code dev.storefront.audit}). */
    public StorefrontBuilder accountEvents(AccountEvents accountEvents) {
        this.accountEvents = Objects.requireNonNull(accountEvents, "accountEvents");
        return this;
    }

    /** The failed-login counters; default in memory (per process). */
    public StorefrontBuilder loginThrottle(LoginThrottle loginThrottle) {
        this.loginThrottle = Objects.requireNonNull(loginThrottle, "loginThrottle");
        return this;
    }

    /** The dashboard's order figures; default computed from the stored orders. */
    public StorefrontBuilder orderStatistics(OrderStatistics orderStatistics) {
        this.orderStatistics = Objects.requireNonNull(orderStatistics, "orderStatistics");
        return this;
    }

    /** The dashboard's cart size; default the units in the user's saved cart. */
    public StorefrontBuilder cartStatistics(CartStatistics cartStatistics) {
        this.cartStatistics = Objects.requireNonNull(cartStatistics, "cartStatistics");
        return this;
    }

    /** Told when a guest logs in; default merging the guest's cart into the user's saved cart. */
    public StorefrontBuilder guestSessionHandover(GuestSessionHandover guestSessionHandover) {
        this.guestSessionHandover = Objects.requireNonNull(guestSessionHandover, "guestSessionHandover");
        return this;
    }

    /**
     * What shipping costs (a carrier's rates); default the shipping method's own price, free from
     * its {@code freeOver} on ({@code MethodPriceShippingRates}).
     */
    public StorefrontBuilder shippingRates(ShippingRates shippingRates) {
        this.shippingRates = Objects.requireNonNull(shippingRates, "shippingRates");
        return this;
    }

    /** The tax on an order (a tax service); default the admin-managed tax rates ({@code StoredTaxRates}). */
    public StorefrontBuilder taxCalculator(TaxCalculator taxCalculator) {
        this.taxCalculator = Objects.requireNonNull(taxCalculator, "taxCalculator");
        return this;
    }

    /**
     * Whether catalog reads (pages, products, categories) are served from memory; default on.
     * Changes made through Storefront show at once, those by other processes on the same
     * database file within about a second. Off, every read goes to the database.
     */
    public StorefrontBuilder catalogCache(boolean enabled) {
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
    public StorefrontBuilder groupCommit(boolean enabled) {
        this.groupCommit = enabled;
        return this;
    }

    /** How often the sweeps run (tests of several instances make it short). */
    StorefrontBuilder sweepInterval(Duration interval) {
        if (Objects.requireNonNull(interval, "interval").isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the sweep interval must be positive");
        }
        this.sweepInterval = interval;
        return this;
    }

    /** Wraps the order repository the use cases get (tests inject faults through this). */
    StorefrontBuilder orderRepositoryDecorator(UnaryOperator<OrderRepository> decorator) {
        this.orderRepositoryDecorator = Objects.requireNonNull(decorator, "decorator");
        return this;
    }

    public Storefront build() {
        return new Storefront(this);
    }
}
