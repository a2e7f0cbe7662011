package dev.storefront.application.order;

import static dev.storefront.application.order.CheckoutFixture.NOW;
import static dev.storefront.application.order.CheckoutFixture.address;
import static dev.storefront.application.order.CheckoutFixture.code;
import static dev.storefront.application.order.CheckoutFixture.method;
import static dev.storefront.application.order.CheckoutFixture.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.address.Address;
import dev.storefront.domain.address.AddressId;
import dev.storefront.domain.address.AddressNotFound;
import dev.storefront.domain.address.Country;
import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.catalog.InsufficientStock;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.checkout.PriceBreakdown;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.order.EmptyCart;
import dev.storefront.domain.order.IdempotencyKey;
import dev.storefront.domain.order.IllegalOrderTransition;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderStatus;
import dev.storefront.domain.order.ShippingMethodSnapshot;
import dev.storefront.domain.port.in.order.CancelOrderCommand;
import dev.storefront.domain.port.in.order.ChangeOrderStatusCommand;
import dev.storefront.domain.port.in.order.CheckoutCommand;
import dev.storefront.domain.port.in.order.CheckoutDetails;
import dev.storefront.domain.port.in.order.CheckoutQuote;
import dev.storefront.domain.port.in.order.CheckoutResult;
import dev.storefront.domain.port.in.order.QuoteCheckoutQuery;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.promo.PromoCodeRejected;
import dev.storefront.domain.promo.PromoKind;
import dev.storefront.domain.shipping.ShippingMethodCode;
import dev.storefront.domain.user.UserId;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checkout and its quote with addresses, shipping methods, tax and promo codes, on the in-memory fakes. */
class CheckoutCompletedServicesTest {
    private static final UserId ALICE = new UserId(1);
    private static final UserId BOB = new UserId(2);
    private static final PostalAddress BERLIN = address("DE", "BE");
    private static final PostalAddress NEW_YORK = address("US", "NY");

    private final CheckoutFixture store = new CheckoutFixture();
    private final CheckoutService checkout = store.checkout(Optional.empty());
    private final QuoteCheckoutService quote = store.quote(Optional.empty());

    private static CheckoutDetails typed(PostalAddress address, String method, String promo) {
        return new CheckoutDetails(Optional.empty(), Optional.ofNullable(address),
                Optional.ofNullable(method).map(ShippingMethodCode::new), Optional.ofNullable(promo).map(p -> PromoCodeId.parse(p).orElseThrow()));
    }

    private static CheckoutDetails saved(Address address, String method) {
        return new CheckoutDetails(Optional.of(address.id()), Optional.empty(),
                Optional.ofNullable(method).map(ShippingMethodCode::new), Optional.empty());
    }

    private Order checkOut(UserId user, CheckoutDetails details) {
        return checkout.checkout(new CheckoutCommand(user, details)).order();
    }

    private static List<String> fields(InvalidInputException e) {
        return e.violations().stream().map(FieldViolation::field).toList();
    }

    private static String message(InvalidInputException e) {
        return e.violations().get(0).message();
    }

    /** A store that ships: standard 4.90 free over 50.00 everywhere, express 14.90 to DE and FR only. */
    private void shipping() {
        store.ship(method("standard", "4.90", "50.00", true));
        store.ship(method("express", "14.90", null, true, "DE", "FR"));
    }

    // --- the seed-era rule: no active method -------------------------------------------------

    @Test
    void withoutAnActiveMethodACheckoutWithoutDetailsIsPricedAtItsLines() {
        Product mug = store.product("8.50", 5);
        store.fill(ALICE, mug, 2);
        store.ship(method("retired", "3.00", null, false));
        store.tax("DE", "", "19");

        Order order = checkOut(ALICE, CheckoutDetails.NONE);

        assertEquals(PriceBreakdown.ofSubtotal(usd("17.00")), order.price());
        assertEquals(usd("17.00"), order.total());
        assertNull(order.shippingAddress());
        assertNull(order.shippingMethod());
        assertNull(order.promoCode());
    }

    @Test
    void withoutAnActiveMethodAGivenAddressIsTaxedAndStoredButNothingIsShipped() {
        store.fill(ALICE, store.product("10.00", 5), 1);
        store.tax("DE", "", "19");
        store.tax("DE", "BE", "7");

        Order order = checkOut(ALICE, typed(BERLIN, null, null));

        assertEquals(new PriceBreakdown(usd("10.00"), usd("0.00"), usd("0.00"), usd("0.70")), order.price(),
                "the region's rate wins over the country's");
        assertEquals(BERLIN, order.shippingAddress());
        assertNull(order.shippingMethod());
    }

    @Test
    void withoutAnActiveMethodOrAddressTaxFollowsTheStoreCountry() {
        store.fill(ALICE, store.product("10.00", 5), 1);
        store.tax("DE", "", "19");

        Order order = store.checkout(Optional.of(new Country("DE"))).checkout(new CheckoutCommand(ALICE)).order();

        assertEquals(new PriceBreakdown(usd("10.00"), usd("0.00"), usd("0.00"), usd("1.90")), order.price());
        assertEquals(usd("11.90"), order.total());
    }

    @Test
    void withoutAStoreCountryOrAddressThereIsNoTax() {
        store.fill(ALICE, store.product("10.00", 5), 1);
        store.tax("DE", "", "19");

        assertEquals(usd("0.00"), checkOut(ALICE, CheckoutDetails.NONE).price().tax());
    }

    @Test
    void withoutAnActiveMethodANamedMethodIsRefusedAsNoLongerOffered() {
        store.fill(ALICE, store.product("10.00", 5), 1);
        store.ship(method("retired", "3.00", null, false));

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> checkOut(ALICE, typed(BERLIN, "retired", null)));
        assertEquals(List.of("shippingMethod"), fields(refused));
        assertEquals("\"retired\" is no longer offered", message(refused));
        assertEquals(1, store.cart(ALICE).lines().size(), "nothing changed");
    }

    // --- once a method is active ---------------------------------------------------------------

    @Test
    void onceAMethodIsActiveAnAddressAndAMethodAreRequired() {
        shipping();
        Product mug = store.product("10.00", 5);
        store.fill(ALICE, mug, 1);

        InvalidInputException none = assertThrows(InvalidInputException.class,
                () -> checkOut(ALICE, CheckoutDetails.NONE));
        assertEquals(List.of("shippingAddress", "shippingMethod"), fields(none));
        InvalidInputException noMethod = assertThrows(InvalidInputException.class,
                () -> checkOut(ALICE, typed(BERLIN, null, null)));
        assertEquals(List.of("shippingMethod"), fields(noMethod));
        assertEquals("is required: this store ships, choose a method", message(noMethod));
        InvalidInputException noAddress = assertThrows(InvalidInputException.class,
                () -> checkOut(ALICE, typed(null, "standard", null)));
        assertEquals(List.of("shippingAddress"), fields(noAddress));
        assertEquals(5, store.stock(mug));
        assertTrue(store.orders.all().isEmpty());
    }

    @Test
    void anUnknownInactiveOrNotShippingMethodIsRefusedSayingWhich() {
        shipping();
        store.ship(method("sea", "1.00", null, false));
        store.fill(ALICE, store.product("10.00", 5), 1);

        assertEquals("\"teleport\" is not a known shipping method", message(assertThrows(InvalidInputException.class,
                () -> checkOut(ALICE, typed(BERLIN, "teleport", null)))));
        assertEquals("\"sea\" is no longer offered", message(assertThrows(InvalidInputException.class,
                () -> checkOut(ALICE, typed(BERLIN, "sea", null)))));
        InvalidInputException elsewhere = assertThrows(InvalidInputException.class,
                () -> checkOut(ALICE, typed(NEW_YORK, "express", null)));
        assertEquals(List.of("shippingMethod"), fields(elsewhere));
        assertEquals("\"express\" does not ship to US", message(elsewhere));
        assertTrue(store.orders.all().isEmpty());
    }

    @Test
    void aShippedOrderChargesTheMethodAndTaxOnGoodsAndShippingAndKeepsSnapshots() {
        shipping();
        store.tax("DE", "", "19");
        Product mug = store.product("12.34", 10);
        store.fill(ALICE, mug, 2);

        Order order = checkOut(ALICE, typed(BERLIN, "express", null));

        // 24.68 + 14.90 = 39.58 taxable; 19 % = 7.5202 → 7.52
        assertEquals(new PriceBreakdown(usd("24.68"), usd("0.00"), usd("14.90"), usd("7.52")), order.price());
        assertEquals(usd("47.10"), order.total());
        assertEquals(BERLIN, order.shippingAddress());
        assertEquals(new ShippingMethodSnapshot(new ShippingMethodCode("express"), "Method express"),
                order.shippingMethod());
        assertEquals(8, store.stock(mug));
        assertEquals(Optional.of(order), store.orders.findById(order.id()));
    }

    @Test
    void aSavedAddressIsFrozenOnTheOrder() {
        shipping();
        Address home = store.save(ALICE, NEW_YORK);
        store.fill(ALICE, store.product("60.00", 5), 1);

        Order order = checkOut(ALICE, saved(home, "standard"));
        store.addresses.update(ALICE, home.id(), BERLIN);

        assertEquals(NEW_YORK, store.orders.findById(order.id()).orElseThrow().shippingAddress());
        assertEquals(usd("0.00"), order.price().shipping(), "free over 50.00");
    }

    @Test
    void anotherUsersAddressIsNotFound() {
        shipping();
        Address bobs = store.save(BOB, NEW_YORK);
        store.fill(ALICE, store.product("10.00", 5), 1);

        assertThrows(AddressNotFound.class, () -> checkOut(ALICE, saved(bobs, "standard")));
        assertThrows(AddressNotFound.class, () -> checkOut(ALICE, new CheckoutDetails(Optional.of(new AddressId(999)),
                Optional.empty(), Optional.of(new ShippingMethodCode("standard")), Optional.empty())));
        assertTrue(store.orders.all().isEmpty());
    }

    @Test
    void anAddressIdAndAnAddressTogetherAreRefused() {
        InvalidInputException both = assertThrows(InvalidInputException.class, () -> new CheckoutDetails(
                Optional.of(new AddressId(1)), Optional.of(BERLIN), Optional.empty(), Optional.empty()));
        assertEquals(List.of("addressId"), fields(both));
    }

    // --- promo codes ----------------------------------------------------------------------------

    @Test
    void aPercentCodeIsTakenAndRecordedAgainstTheOrder() {
        shipping();
        store.addCode(code("TENOFF", PromoKind.PERCENT, "10"));
        store.fill(ALICE, store.product("50.05", 5), 1);

        Order order = checkOut(ALICE, typed(BERLIN, "standard", "tenoff"));

        // 10 % of 50.05 = 5.005 → 5.01; 45.04 is below 50.00, so standard costs 4.90
        assertEquals(new PriceBreakdown(usd("50.05"), usd("5.01"), usd("4.90"), usd("0.00")), order.price());
        assertEquals(new PromoCodeId("TENOFF"), order.promoCode());
        assertEquals(1, store.timesUsed("TENOFF"));
        assertEquals(1, store.promoCodes.usesBy(new PromoCodeId("TENOFF"), ALICE));
    }

    @Test
    void aFreeShippingCodeTakesOffTheShipping() {
        shipping();
        store.addCode(code("SHIPFREE", PromoKind.FREE_SHIPPING, null));
        store.fill(ALICE, store.product("10.00", 5), 1);

        Order order = checkOut(ALICE, typed(BERLIN, "express", "SHIPFREE"));
        assertEquals(new PriceBreakdown(usd("10.00"), usd("0.00"), usd("0.00"), usd("0.00")), order.price());
    }

    @Test
    void anUnknownOrInactiveCodeIsRefusedAsUnknown() {
        store.fill(ALICE, store.product("10.00", 5), 1);
        store.addCode(code("OLD", PromoKind.AMOUNT, "1.00").deactivate());

        for (String code : List.of("NOPE", "OLD")) {
            PromoCodeRejected refused = assertThrows(PromoCodeRejected.class,
                    () -> checkOut(ALICE, typed(null, null, code)));
            assertEquals(PromoCodeRejected.Reason.UNKNOWN, refused.reason());
            assertEquals(List.of("promoCode"), fields(refused));
        }
    }

    @Test
    void anExpiredNotYetValidExhaustedOrTooSmallCodeIsRefusedSayingWhich() {
        Product mug = store.product("10.00", 5);
        store.fill(ALICE, mug, 1);
        PromoCode base = code("BASE", PromoKind.AMOUNT, "1.00");
        store.addCode(new PromoCode(new PromoCodeId("EXPIRED"), PromoKind.AMOUNT, base.value(), usd("0.00"),
                NOW.minusSeconds(7200), NOW, null, null, 0, true, NOW.minusSeconds(9000)));
        store.addCode(new PromoCode(new PromoCodeId("LATER"), PromoKind.AMOUNT, base.value(), usd("0.00"),
                NOW.plusSeconds(1), null, null, null, 0, true, NOW.minusSeconds(9000)));
        store.addCode(new PromoCode(new PromoCodeId("GONE"), PromoKind.AMOUNT, base.value(), usd("0.00"),
                null, null, 3, null, 3, true, NOW.minusSeconds(9000)));
        store.addCode(new PromoCode(new PromoCodeId("BIGSPENDER"), PromoKind.AMOUNT, base.value(), usd("10.01"),
                null, null, null, null, 0, true, NOW.minusSeconds(9000)));

        assertEquals(PromoCodeRejected.Reason.EXPIRED, assertThrows(PromoCodeRejected.class,
                () -> checkOut(ALICE, typed(null, null, "EXPIRED"))).reason());
        assertEquals(PromoCodeRejected.Reason.NOT_YET_VALID, assertThrows(PromoCodeRejected.class,
                () -> checkOut(ALICE, typed(null, null, "LATER"))).reason());
        assertEquals(PromoCodeRejected.Reason.EXHAUSTED, assertThrows(PromoCodeRejected.class,
                () -> checkOut(ALICE, typed(null, null, "GONE"))).reason());
        PromoCodeRejected small = assertThrows(PromoCodeRejected.class,
                () -> checkOut(ALICE, typed(null, null, "BIGSPENDER")));
        assertEquals(PromoCodeRejected.Reason.BELOW_MIN_SUBTOTAL, small.reason());
        assertEquals("needs a subtotal of at least 10.01", message(small));
        assertEquals(Map.of("minSubtotal", "10.01"), small.violations().get(0).details());
        assertEquals(5, store.stock(mug));
        assertTrue(store.orders.all().isEmpty());
    }

    @Test
    void aCodeUsedAsOftenAsAllowedPerUserIsRefusedForThatUserOnly() {
        store.addCode(new PromoCode(new PromoCodeId("ONCE"), PromoKind.AMOUNT, usd("1.00").amount(), usd("0.00"),
                null, null, null, 1, 0, true, NOW.minusSeconds(9000)));
        Product tea = store.product("5.00", 10);
        store.fill(ALICE, tea, 1);
        checkOut(ALICE, typed(null, null, "ONCE"));
        store.fill(ALICE, tea, 1);

        PromoCodeRejected again = assertThrows(PromoCodeRejected.class, () -> checkOut(ALICE, typed(null, null, "ONCE")));
        assertEquals(PromoCodeRejected.Reason.USED_BY_CUSTOMER, again.reason());
        store.fill(BOB, tea, 1);
        assertEquals(usd("1.00"), checkOut(BOB, typed(null, null, "ONCE")).price().discount());
        assertEquals(2, store.timesUsed("ONCE"));
    }

    @Test
    void losingTheLastUseToAConcurrentCheckoutRollsEverythingBack() {
        store.addCode(code("LAST", PromoKind.AMOUNT, "1.00"));
        Product mug = store.product("10.00", 5);
        store.fill(ALICE, mug, 2);
        // The code looked usable when read, but its conditional update finds it used up.
        PromoCodeRepository raced = forwarding(store.promoCodes, "takeUse", false);
        CheckoutService racing = store.checkout(Optional.empty(), raced);

        PromoCodeRejected refused = assertThrows(PromoCodeRejected.class,
                () -> racing.checkout(new CheckoutCommand(ALICE, typed(null, null, "LAST"))));
        assertEquals(PromoCodeRejected.Reason.EXHAUSTED, refused.reason());
        assertEquals(5, store.stock(mug), "the stock taken before is given back by the rollback");
        assertEquals(2, store.cart(ALICE).lines().get(0).quantity().value());
        assertTrue(store.orders.all().isEmpty());
    }

    @Test
    void stockIsTakenBeforeTheCodesUseWhichIsRecordedAfterTheOrder() {
        store.addCode(code("SAVE1", PromoKind.AMOUNT, "1.00"));
        Product a = store.product("2.00", 5);
        Product b = store.product("3.00", 5);
        store.fill(ALICE, b, 1, a, 1);
        List<String> calls = new ArrayList<>();
        PromoCodeRepository recording = recording(store.promoCodes, calls);
        CheckoutService observed = new CheckoutService(store.transactions, store.locks, store.carts,
                recordingProducts(store.products, calls), store.orders, store.keys, store.time, store.users, false,
                store.pricing(Optional.empty(), recording));

        observed.checkout(new CheckoutCommand(ALICE, typed(null, null, "SAVE1")));

        List<String> writes = calls.stream().filter(c -> !c.startsWith("findByCode") && !c.startsWith("usesBy"))
                .toList();
        assertEquals(List.of("takeStock " + a.id() + "," + b.id(), "takeUse SAVE1", "recordUse SAVE1"), writes);
    }

    // --- cancel gives the use back, once -----------------------------------------------------

    @Test
    void cancellingGivesTheCodesUseBackExactlyOnce() {
        store.addCode(code("BACK", PromoKind.PERCENT, "50"));
        Product mug = store.product("10.00", 5);
        store.fill(ALICE, mug, 1);
        Order first = checkOut(ALICE, typed(null, null, "BACK"));
        store.fill(ALICE, mug, 1);
        Order second = checkOut(ALICE, typed(null, null, "BACK"));
        assertEquals(2, store.timesUsed("BACK"));

        store.cancel().cancelOrder(new CancelOrderCommand(ALICE, first.id()));
        assertEquals(1, store.timesUsed("BACK"));
        assertThrows(IllegalOrderTransition.class,
                () -> store.cancel().cancelOrder(new CancelOrderCommand(ALICE, first.id())));
        assertEquals(1, store.timesUsed("BACK"), "a second cancel gives nothing back");

        store.changeStatus().changeOrderStatus(new ChangeOrderStatusCommand(second.id(), OrderStatus.PAID));
        store.changeStatus().changeOrderStatus(new ChangeOrderStatusCommand(second.id(), OrderStatus.CANCELLED));
        assertEquals(0, store.timesUsed("BACK"));
        assertEquals(0, store.promoCodes.usesBy(new PromoCodeId("BACK"), ALICE));
        assertEquals(5, store.stock(mug));
    }

    @Test
    void cancellingAnOrderWithoutACodeLeavesTheCodesAlone() {
        store.addCode(code("KEEP", PromoKind.PERCENT, "50"));
        Product mug = store.product("10.00", 5);
        store.fill(ALICE, mug, 1);
        checkOut(ALICE, typed(null, null, "KEEP"));
        store.fill(ALICE, mug, 1);
        Order plain = checkOut(ALICE, CheckoutDetails.NONE);

        store.cancel().cancelOrder(new CancelOrderCommand(ALICE, plain.id()));
        assertEquals(1, store.timesUsed("KEEP"));
    }

    // --- idempotency ------------------------------------------------------------------------------

    @Test
    void aReplayedCheckoutAnswersTheFirstOrderAndTakesNoSecondUse() {
        store.addCode(code("ONE", PromoKind.AMOUNT, "2.00"));
        Product mug = store.product("10.00", 5);
        store.fill(ALICE, mug, 1);
        IdempotencyKey key = new IdempotencyKey("key-1");

        CheckoutResult first = checkout.checkout(new CheckoutCommand(ALICE, Optional.of(key), typed(null, null, "ONE")));
        CheckoutResult again = checkout.checkout(new CheckoutCommand(ALICE, Optional.of(key), CheckoutDetails.NONE));

        assertFalse(first.replayed());
        assertTrue(again.replayed());
        assertEquals(first.order(), again.order());
        assertEquals(1, store.timesUsed("ONE"));
        assertEquals(4, store.stock(mug));
    }

    // --- the quote ----------------------------------------------------------------------------------

    @Test
    void aQuoteIsWhatTheCheckoutChargesAndWritesNothing() {
        shipping();
        store.tax("DE", "", "19");
        store.addCode(code("FIVE", PromoKind.AMOUNT, "5.00"));
        Product mug = store.product("19.99", 5);
        Product tea = store.product("0.35", 50);
        store.fill(ALICE, mug, 2, tea, 3);
        CheckoutDetails details = typed(BERLIN, "standard", "five");

        CheckoutQuote quoted = quote.quote(new QuoteCheckoutQuery(ALICE, details));
        assertEquals(5, store.stock(mug));
        assertEquals(0, store.timesUsed("FIVE"));
        assertEquals(2, store.cart(ALICE).lines().size());
        assertTrue(store.orders.all().isEmpty());

        Order order = checkOut(ALICE, details);
        assertEquals(order.price(), quoted.price());
        assertEquals(order.lines(), quoted.lines());
        assertEquals(order.total(), quoted.total());
        assertEquals(Optional.ofNullable(order.shippingMethod()), quoted.shippingMethod());
        assertEquals(Optional.of(new PromoCodeId("FIVE")), quoted.promoCode());
        // 39.98 + 1.05 = 41.03 − 5.00 = 36.03 (below 50: 4.90) → 40.93 × 19 % = 7.7767 → 7.78
        assertEquals(new PriceBreakdown(usd("41.03"), usd("5.00"), usd("4.90"), usd("7.78")), quoted.price());
    }

    @Test
    void aQuoteRefusesAsTheCheckoutWould() {
        assertThrows(EmptyCart.class, () -> quote.quote(new QuoteCheckoutQuery(ALICE, CheckoutDetails.NONE)));
        Product mug = store.product("10.00", 1);
        store.fill(ALICE, mug, 2);
        InsufficientStock short1 = assertThrows(InsufficientStock.class,
                () -> quote.quote(new QuoteCheckoutQuery(ALICE, CheckoutDetails.NONE)));
        assertEquals(1, short1.shortages().get(0).available());
        store.fill(ALICE, mug, 1);
        shipping();
        assertThrows(InvalidInputException.class, () -> quote.quote(new QuoteCheckoutQuery(ALICE, CheckoutDetails.NONE)));
        assertEquals(PromoCodeRejected.Reason.UNKNOWN, assertThrows(PromoCodeRejected.class,
                () -> quote.quote(new QuoteCheckoutQuery(ALICE, typed(BERLIN, "standard", "NOPE")))).reason());
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** The repository, except that {@code method} answers {@code answer} without calling it. */
    private static PromoCodeRepository forwarding(PromoCodeRepository target, String method, Object answer) {
        return (PromoCodeRepository) Proxy.newProxyInstance(PromoCodeRepository.class.getClassLoader(),
                new Class<?>[] {PromoCodeRepository.class}, (proxy, m, args) -> m.getName().equals(method)
                        ? answer : invoke(target, m, args));
    }

    /** The repository, noting each call's name and first argument. */
    private static PromoCodeRepository recording(PromoCodeRepository target, List<String> calls) {
        return (PromoCodeRepository) Proxy.newProxyInstance(PromoCodeRepository.class.getClassLoader(),
                new Class<?>[] {PromoCodeRepository.class}, (proxy, m, args) -> {
                    calls.add(m.getName() + " " + args[0]);
                    return invoke(target, m, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The products, noting each multi-product stock take with its ids in the order given. */
    @SuppressWarnings("unchecked")
    private static ProductRepository recordingProducts(ProductRepository target, List<String> calls) {
        return (ProductRepository) Proxy.newProxyInstance(ProductRepository.class.getClassLoader(),
                new Class<?>[] {ProductRepository.class}, (proxy, m, args) -> {
                    if (m.getName().equals("takeStock") && args.length == 1) {
                        calls.add("takeStock " + String.join(",", ((Map<ProductId, Integer>) args[0]).keySet().stream()
                                .map(Object::toString).toList()));
                    }
                    return invoke(target, m, args);
                });
    }
}
