package dev.storefront.bootstrap;

import dev.storefront.domain.address.Address;
import dev.storefront.domain.address.AddressId;
import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.port.out.AddressRepository;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.port.out.ShippingMethodRepository;
import dev.storefront.domain.port.out.ShippingRates;
import dev.storefront.domain.port.out.TaxCalculator;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.shipping.ShippingMethod;
import dev.storefront.domain.shipping.ShippingMethodCode;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What checkout needs from the address book, shipping and promotions modules. */
record CheckoutPorts(AddressRepository addresses, ShippingMethodRepository shippingMethods,
                     ShippingRates shippingRates, TaxCalculator taxCalculator, PromoCodeRepository promoCodes) {
    CheckoutPorts {
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(shippingMethods, "shippingMethods");
        Objects.requireNonNull(shippingRates, "shippingRates");
        Objects.requireNonNull(taxCalculator, "taxCalculator");
        Objects.requireNonNull(promoCodes, "promoCodes");
    }

    /**
     * INTERIM, until the address book, shipping and promotions modules are merged: a store with no
     * saved addresses, no shipping methods, no tax and no promo codes (the seed-era checkout).
     */
    static CheckoutPorts interim() {
        return new CheckoutPorts(new NoAddresses(), new NoShippingMethods(),
                (method, destination, subtotal) -> method.priceFor(subtotal),
                (location, taxable) -> dev.storefront.domain.money.Money.zero(taxable.currency()), new NoPromoCodes());
    }

    private static final class NoAddresses implements AddressRepository {
        public List<Address> findByUser(UserId userId) { return List.of(); }
        public Optional<Address> findById(UserId userId, AddressId id) { return Optional.empty(); }
        public int countByUser(UserId userId) { return 0; }
        public Address add(UserId userId, PostalAddress postal) { throw new UnsupportedOperationException(); }
        public boolean update(UserId userId, AddressId id, PostalAddress postal) { return false; }
        public boolean makeDefault(UserId userId, AddressId id) { return false; }
        public boolean delete(UserId userId, AddressId id) { return false; }
        public int deleteAllOf(UserId userId) { return 0; }
    }

    private static final class NoShippingMethods implements ShippingMethodRepository {
        public void put(ShippingMethod method) { throw new UnsupportedOperationException(); }
        public Optional<ShippingMethod> findByCode(ShippingMethodCode code) { return Optional.empty(); }
        public List<ShippingMethod> findAll() { return List.of(); }
        public boolean anyActive() { return false; }
        public boolean deactivate(ShippingMethodCode code) { return false; }
    }

    private static final class NoPromoCodes implements PromoCodeRepository {
        public void add(PromoCode code) { throw new UnsupportedOperationException(); }
        public Optional<PromoCode> findByCode(PromoCodeId code) { return Optional.empty(); }
        public Page<PromoCode> findAll(PageRequest page) { return Page.of(List.of(), page, 0); }
        public boolean update(PromoCode code) { return false; }
        public boolean takeUse(PromoCodeId code) { return false; }
        public void recordUse(PromoCodeId code, UserId user, OrderId order, Instant at) {
            throw new UnsupportedOperationException();
        }
        public int usesBy(PromoCodeId code, UserId user) { return 0; }
        public boolean giveBack(OrderId order) { return false; }
    }
}
