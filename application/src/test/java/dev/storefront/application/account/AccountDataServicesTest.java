package dev.storefront.application.account;

import dev.storefront.domain.address.Address;
import dev.storefront.domain.address.PostalAddress;
import static dev.storefront.application.account.AccountKit.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.application.cart.GetCartService;
import dev.storefront.application.order.CheckoutService;
import dev.storefront.domain.cart.CartLine;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.Quantity;
import dev.storefront.domain.catalog.NewProduct;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.order.IdempotencyKey;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.port.in.account.DeleteAccountUseCase.DeleteAccountCommand;
import dev.storefront.domain.port.in.account.ExportAccountDataUseCase.AccountData;
import dev.storefront.domain.port.in.account.ExportAccountDataUseCase.AccountDataQuery;
import dev.storefront.domain.port.in.account.LogInUseCase.LoggedIn;
import dev.storefront.domain.port.in.account.RegisterUserCommand;
import dev.storefront.domain.port.in.order.CheckoutCommand;
import dev.storefront.domain.port.out.AccountEvents.AccountEvent;
import dev.storefront.domain.port.out.AccountEvents.Type;
import dev.storefront.domain.port.out.PersonalDataEraser;
import dev.storefront.domain.user.DataExportThrottled;
import dev.storefront.domain.user.LoginThrottled;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UserId;
import dev.storefront.domain.user.Username;
import dev.storefront.domain.user.WrongCurrentPassword;
import dev.storefront.inmemory.InMemoryCartRepository;
import dev.storefront.inmemory.InMemoryIdempotencyKeyRepository;
import dev.storefront.inmemory.InMemoryOrderRepository;
import dev.storefront.inmemory.InMemoryProductRepository;
import dev.storefront.application.checkout.MethodPriceShippingRates;
import dev.storefront.application.checkout.StoredTaxRates;
import dev.storefront.application.order.CheckoutPricing;
import dev.storefront.inmemory.InMemoryAddressRepository;
import dev.storefront.inmemory.InMemoryPromoCodeRepository;
import dev.storefront.inmemory.InMemoryShippingMethodRepository;
import dev.storefront.inmemory.InMemoryTaxRateRepository;
import java.math.BigDecimal;
import java.time.Duration;
import dev.storefront.domain.passkey.NewPasskey;
import dev.storefront.domain.passkey.Passkey;
import dev.storefront.inmemory.InMemoryAddressRepository;
import dev.storefront.inmemory.InMemoryPasskeyRepository;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Export and deletion of an account on the in-memory fakes. */
class AccountDataServicesTest {
    private static final Currency USD = Currency.getInstance("USD");
    private final AccountKit kit = new AccountKit();
    private final InMemoryProductRepository products = new InMemoryProductRepository(kit.transactions);
    private final InMemoryCartRepository carts = new InMemoryCartRepository(kit.transactions);
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository(kit.transactions, USD);
    private final InMemoryIdempotencyKeyRepository keys = new InMemoryIdempotencyKeyRepository(kit.transactions);
    private final CheckoutService checkout = new CheckoutService(kit.transactions, kit.locks, carts, products, orders,
            keys, kit.time, kit.users, false, new CheckoutPricing(products,
                    new InMemoryAddressRepository(kit.transactions), new InMemoryShippingMethodRepository(kit.transactions),
                    new InMemoryPromoCodeRepository(kit.transactions), new MethodPriceShippingRates(),
                    new StoredTaxRates(new InMemoryTaxRateRepository(kit.transactions)), Optional.empty()));
    private final InMemoryPasskeyRepository passkeys = new InMemoryPasskeyRepository(kit.transactions);
    private static final PostalAddress HOME = PostalAddress.parse("", "Alice Doe", "1 Main St", null, "Springfield",
            null, "12345", "us", null);
    private final InMemoryAddressRepository addresses = new InMemoryAddressRepository(kit.transactions);
    private final List<UserId> alsoErased = new ArrayList<>();
    private final ExportAccountDataService export = new ExportAccountDataService(kit.transactions, kit.users,
            kit.sessions, orders, passkeys, addresses, new GetCartService(carts, products, kit.transactions, USD), kit.tokens, kit.limiter,
            kit.events, kit.time);
    private final DeleteAccountService delete = new DeleteAccountService(kit.transactions, kit.locks, kit.users,
            List.of(kit.sessions::deleteByUser, kit.resetTokens::deleteByUser,
                    user -> carts.delete(CartOwner.user(user)), keys::deleteAllOf, addresses::deleteAllOf,
                    alsoErased::add),
            kit.hasher, kit.throttle, kit.events, kit.time);
    private final Product tea = products.add(NewProduct.create("TEA-1", "Tea", "", "drinks", new BigDecimal("4.50"),
            50, null, USD, kit.time.now()));

    private void addToCart(User user, int quantity) {
        kit.transactions.inTransaction(() -> {
            carts.saveLine(CartOwner.user(user.id()), new CartLine(tea.id(), new Quantity(quantity), kit.time.now()));
            return null;
        });
    }

    private Order placeOrder(User user, String key) {
        addToCart(user, 2);
        return checkout.checkout(new CheckoutCommand(user.id(), Optional.of(new IdempotencyKey(key)))).order();
    }

    private void deleteAccount(User user, String password) {
        delete.deleteAccount(new DeleteAccountCommand(user.id(), password, "10.0.0.1"));
    }

    @Test
    void theExportHoldsTheProfileEverySessionEveryOrderTheCartThePasskeysAndTheAddresses() {
        User alice = kit.registered("alice");
        LoggedIn first = kit.login("alice", PASSWORD);
        kit.login("alice", PASSWORD);
        Order order = placeOrder(alice, "k1");
        addToCart(alice, 3);
        Passkey laptop = kit.transactions.inTransaction(() -> passkeys.add(new NewPasskey(alice.id(), "cred-1",
                "public-key-bytes", 0, "Laptop", kit.time.now())));
        Address home = kit.transactions.inTransaction(() -> addresses.add(alice.id(), HOME));

        AccountData data = export.export(new AccountDataQuery(alice.id(), first.session().token()));

        assertEquals(alice.id(), data.profile().id());
        assertEquals(2, data.sessions().size());
        assertEquals(1, data.sessions().stream().filter(s -> s.current()).count(), "the caller's session is marked");
        assertEquals(List.of(order), data.orders());
        assertEquals(3, data.cart().itemCount());
        assertEquals(List.of(laptop), data.passkeys());
        assertEquals(List.of(home), data.addresses());
        assertEquals(List.of(Type.DATA_EXPORTED), kit.events.events().stream()
                .filter(e -> e.type() == Type.DATA_EXPORTED).map(AccountEvent::type).toList());
        AccountEvent event = kit.events.events().get(kit.events.events().size() - 1);
        assertEquals(alice.id(), event.userId());
        assertNull(event.clientAddress(), "no personal data beyond the id");
    }

    @Test
    void anAccountExportsAtMostTenTimesAnHour() {
        User alice = kit.registered("alice");
        LoggedIn session = kit.login("alice", PASSWORD);
        AccountDataQuery query = new AccountDataQuery(alice.id(), session.session().token());
        for (int i = 0; i < ExportAccountDataService.MAX_PER_HOUR; i++) {
            export.export(query);
        }
        DataExportThrottled throttled = assertThrows(DataExportThrottled.class, () -> export.export(query));
        assertTrue(throttled.retryAfter().compareTo(Duration.ofHours(1)) <= 0);
        kit.time.advance(Duration.ofHours(1));
        export.export(query);
    }

    @Test
    void deletionErasesThePersonalDataKeepsTheOrdersAndFreesTheNameAndEmail() {
        User alice = kit.registered("alice");
        LoggedIn session = kit.login("alice", PASSWORD);
        Order order = placeOrder(alice, "k1");
        addToCart(alice, 1);
        kit.transactions.inTransaction(() -> addresses.add(alice.id(), HOME));

        deleteAccount(alice, PASSWORD);

        assertTrue(kit.users.findById(alice.id()).isEmpty());
        assertTrue(kit.users.findByUsername(new Username("alice")).isEmpty());
        assertTrue(kit.resolve(session.session().token()).isEmpty(), "every session ended");
        assertTrue(kit.sessions.findByUser(alice.id()).isEmpty());
        assertTrue(carts.load(CartOwner.user(alice.id())).isEmpty());
        assertTrue(keys.find(alice.id(), new IdempotencyKey("k1")).isEmpty());
        assertTrue(addresses.findByUser(alice.id()).isEmpty(), "the address book is erased");
        assertEquals(List.of(alice.id()), alsoErased, "every eraser it was given ran once");
        assertEquals(order, orders.findById(order.id()).orElseThrow(), "the shop keeps its order");
        assertTrue(kit.users.readForUpdate().contains(alice.id()), "the user row was read for update");
        AccountEvent event = kit.events.events().get(kit.events.events().size() - 1);
        assertEquals(Type.ACCOUNT_DELETED, event.type());
        assertEquals(alice.id(), event.userId());
        assertNull(event.clientAddress());

        User again = kit.register.register(new RegisterUserCommand(
                "ALICE", "alice@example.com", PASSWORD, "10.0.0.1"));
        LoggedIn newSession = kit.login("alice@example.com", PASSWORD);
        assertEquals(0, orders.findByUser(again.id(), PageRequest.first()).total(), "the new account has no orders");
        assertTrue(export.export(new AccountDataQuery(again.id(), newSession.session().token())).orders().isEmpty());
        assertThrows(NotAuthenticatedException.class, () -> deleteAccount(alice, PASSWORD), "already gone");
    }

    @Test
    void aWrongPasswordErasesNothingAndCountsAgainstTheLoginThrottle() {
        User alice = kit.registered("alice");
        LoggedIn session = kit.login("alice", PASSWORD);
        addToCart(alice, 1);

        for (int i = 0; i < 5; i++) {
            assertThrows(WrongCurrentPassword.class, () -> deleteAccount(alice, "wrong password"));
        }
        assertThrows(LoginThrottled.class, () -> deleteAccount(alice, PASSWORD), "throttled like a login");

        assertTrue(kit.users.findById(alice.id()).isPresent());
        assertTrue(kit.resolve(session.session().token()).isPresent());
        assertFalse(carts.load(CartOwner.user(alice.id())).isEmpty());
        assertTrue(alsoErased.isEmpty());
        assertFalse(kit.events.types().contains(Type.ACCOUNT_DELETED));
    }

    @Test
    void aFailingEraserRollsTheWholeDeletionBack() {
        User alice = kit.registered("alice");
        LoggedIn session = kit.login("alice", PASSWORD);
        PersonalDataEraser failing = user -> {
            throw new IllegalStateException("disk full");
        };
        DeleteAccountService broken = new DeleteAccountService(kit.transactions, kit.locks, kit.users,
                List.of(kit.sessions::deleteByUser, failing), kit.hasher, kit.throttle, kit.events, kit.time);

        assertThrows(IllegalStateException.class,
                () -> broken.deleteAccount(new DeleteAccountCommand(alice.id(), PASSWORD, "10.0.0.1")));

        assertTrue(kit.users.findById(alice.id()).isPresent(), "nothing half-deleted");
        assertTrue(kit.resolve(session.session().token()).isPresent());
    }
}
