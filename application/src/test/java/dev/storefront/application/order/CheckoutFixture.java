package dev.storefront.application.order;

import dev.storefront.application.checkout.MethodPriceShippingRates;
import dev.storefront.application.checkout.StoredTaxRates;
import dev.storefront.domain.address.Address;
import dev.storefront.domain.address.Country;
import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartLine;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.Quantity;
import dev.storefront.domain.catalog.NewProduct;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.promo.PromoKind;
import dev.storefront.domain.shipping.ShippingMethod;
import dev.storefront.domain.shipping.ShippingMethodCode;
import dev.storefront.domain.shipping.TaxRate;
import dev.storefront.domain.user.UserId;
import dev.storefront.inmemory.InMemoryAddressRepository;
import dev.storefront.inmemory.InMemoryCartRepository;
import dev.storefront.inmemory.InMemoryIdempotencyKeyRepository;
import dev.storefront.inmemory.InMemoryLocks;
import dev.storefront.inmemory.InMemoryOrderRepository;
import dev.storefront.inmemory.InMemoryProductRepository;
import dev.storefront.inmemory.InMemoryPromoCodeRepository;
import dev.storefront.inmemory.InMemoryShippingMethodRepository;
import dev.storefront.inmemory.InMemoryTaxRateRepository;
import dev.storefront.inmemory.InMemoryTransactions;
import dev.storefront.inmemory.InMemoryUserRepository;
import dev.storefront.inmemory.ManualTimeSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/** A store on the in-memory fakes with everything checkout prices with, and helpers to fill it. */
final class CheckoutFixture {
    static final Currency USD = Currency.getInstance("USD");
    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    final InMemoryTransactions transactions = new InMemoryTransactions();
    final InMemoryProductRepository products = new InMemoryProductRepository(transactions);
    final InMemoryCartRepository carts = new InMemoryCartRepository(transactions);
    final InMemoryOrderRepository orders = new InMemoryOrderRepository(transactions, USD);
    final InMemoryIdempotencyKeyRepository keys = new InMemoryIdempotencyKeyRepository(transactions);
    final ManualTimeSource time = new ManualTimeSource(NOW);
    final InMemoryLocks locks = new InMemoryLocks(transactions);
    final InMemoryUserRepository users = new InMemoryUserRepository(transactions);
    final InMemoryAddressRepository addresses = new InMemoryAddressRepository(transactions);
    final InMemoryShippingMethodRepository shippingMethods = new InMemoryShippingMethodRepository(transactions);
    final InMemoryTaxRateRepository taxRates = new InMemoryTaxRateRepository(transactions);
    final InMemoryPromoCodeRepository promoCodes = new InMemoryPromoCodeRepository(transactions);
    private long nextSku;

    CheckoutPricing pricing(Optional<Country> storeCountry, PromoCodeRepository codes) {
        return new CheckoutPricing(products, addresses, shippingMethods, codes, new MethodPriceShippingRates(),
                new StoredTaxRates(taxRates), storeCountry);
    }

    CheckoutService checkout(Optional<Country> storeCountry) {
        return checkout(storeCountry, promoCodes);
    }

    CheckoutService checkout(Optional<Country> storeCountry, PromoCodeRepository codes) {
        return new CheckoutService(transactions, locks, carts, products, orders, keys, time, users, false,
                pricing(storeCountry, codes));
    }

    QuoteCheckoutService quote(Optional<Country> storeCountry) {
        return new QuoteCheckoutService(transactions, carts, time, pricing(storeCountry, promoCodes));
    }

    CancelOrderService cancel() {
        return new CancelOrderService(transactions, orders, products, promoCodes, time);
    }

    ChangeOrderStatusService changeStatus() {
        return new ChangeOrderStatusService(transactions, orders, products, promoCodes, time);
    }

    static Money usd(String amount) {
        return Money.of(amount, USD);
    }

    Product product(String price, int stock) {
        long n = ++nextSku;
        return products.add(NewProduct.create("SKU-" + n, "Product " + n, null, "Test", new BigDecimal(price), stock,
                null, USD, NOW.minusSeconds(3600)));
    }

    /** Puts these products with these quantities into the user's cart (replacing it). */
    void fill(UserId user, Object... productAndQuantity) {
        List<CartLine> lines = new ArrayList<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            lines.add(new CartLine(((Product) productAndQuantity[i]).id(),
                    new Quantity((Integer) productAndQuantity[i + 1]), NOW.minusSeconds(600 - i)));
        }
        carts.save(CartOwner.user(user), Cart.restore(lines));
    }

    Cart cart(UserId user) {
        return carts.load(CartOwner.user(user));
    }

    int stock(Product product) {
        return products.findById(product.id()).orElseThrow().stock();
    }

    static ShippingMethod method(String code, String price, String freeOver, boolean active, String... countries) {
        return new ShippingMethod(new ShippingMethodCode(code), "Method " + code, usd(price),
                freeOver == null ? null : usd(freeOver),
                new TreeSet<>(Stream.of(countries).map(Country::new).toList()), active);
    }

    void ship(ShippingMethod method) {
        shippingMethods.put(method);
    }

    void tax(String country, String region, String rate) {
        taxRates.put(new TaxRate(new Country(country), region, new BigDecimal(rate)));
    }

    static PromoCode code(String code, PromoKind kind, String value) {
        return new PromoCode(new PromoCodeId(code), kind, value == null ? null : new BigDecimal(value), usd("0.00"),
                null, null, null, null, 0, true, NOW.minusSeconds(86_400));
    }

    PromoCode addCode(PromoCode code) {
        promoCodes.add(code);
        return code;
    }

    int timesUsed(String code) {
        return promoCodes.findByCode(new PromoCodeId(code)).orElseThrow().timesUsed();
    }

    Address save(UserId user, PostalAddress postal) {
        return addresses.add(user, postal);
    }

    static PostalAddress address(String country, String region) {
        return PostalAddress.parse("", "Ada Lovelace", "1 Main St", null, "Town", region, "12345", country, null);
    }
}
