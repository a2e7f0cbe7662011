package dev.storefront.application.account;

import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.port.in.account.ExportAccountDataUseCase;
import dev.storefront.domain.port.in.account.ListSessionsUseCase.SessionSummary;
import dev.storefront.domain.port.in.cart.CartQuery;
import dev.storefront.domain.port.in.cart.GetCartUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.AddressRepository;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.PasskeyRepository;
import dev.storefront.domain.port.out.RateLimiter;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.DataExportThrottled;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything stored about the caller, read on one snapshot: the user, every stored session (never
 * a token or digest), every order with its lines, the cart as the cart endpoint prices it, the
 * passkeys and the address book. An
 * account may export {@value #MAX_PER_HOUR} times an hour: an export reads all of its history.
 */
public final class ExportAccountDataService implements ExportAccountDataUseCase {
    public static final int MAX_PER_HOUR = 10;
    private static final Duration WINDOW = Duration.ofHours(1);

    private final Transactions transactions;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final OrderRepository orders;
    private final PasskeyRepository passkeys;
    private final AddressRepository addresses;
    private final GetCartUseCase carts;
    private final TokenGenerator tokens;
    private final RateLimiter limiter;
    private final TimeSource time;
    private final Audit audit;

    @Inject
    public ExportAccountDataService(Transactions transactions, UserRepository users, SessionRepository sessions,
                                    OrderRepository orders, PasskeyRepository passkeys, AddressRepository addresses,
                                    GetCartUseCase carts, TokenGenerator tokens,
                                    RateLimiter limiter, AccountEvents events, TimeSource time) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.carts = Objects.requireNonNull(carts, "carts");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.time = Objects.requireNonNull(time, "time");
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
    }

    @Override
    public AccountData export(AccountDataQuery query) {
        Instant now = time.now();
        limiter.tryAcquire("export-user:" + query.userId().value(), MAX_PER_HOUR, WINDOW, now).ifPresent(wait -> {
            throw new DataExportThrottled(wait);
        });
        TokenDigest current = tokens.digest(query.currentSession().value());
        AccountData data = transactions.readOnly(() -> {
            User user = users.findById(query.userId())
                    .orElseThrow(() -> new NotAuthenticatedException("Login required"));
            List<SessionSummary> stored = sessions.findByUser(user.id()).stream()
                    .map(s -> ListSessionsService.summary(s, current))
                    .toList();
            return new AccountData(user, stored, allOrdersOf(user.id()),
                    carts.getCart(new CartQuery(CartOwner.user(user.id()))), passkeys.findByUser(user.id()),
                    addresses.findByUser(user.id()));
        });
        audit.record(AccountEvents.Type.DATA_EXPORTED, now, query.userId(), null);
        return data;
    }

    private List<Order> allOrdersOf(UserId user) {
        List<Order> all = new ArrayList<>();
        Page<Order> page;
        int number = 1;
        do {
            page = orders.findByUser(user, new PageRequest(number++, PageRequest.MAX_PAGE_SIZE));
            all.addAll(page.items());
        } while (!page.items().isEmpty() && all.size() < page.total());
        return all;
    }
}
