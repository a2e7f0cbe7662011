package dev.storefront.application.order;

import dev.storefront.domain.address.Address;
import dev.storefront.domain.address.AddressNotFound;
import dev.storefront.domain.address.Country;
import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartLine;
import dev.storefront.domain.catalog.InsufficientStock;
import dev.storefront.domain.catalog.InsufficientStock.Shortage;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.checkout.PriceBreakdown;
import dev.storefront.domain.checkout.Pricing;
import dev.storefront.domain.checkout.TaxLocation;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.order.NewOrder;
import dev.storefront.domain.order.OrderLine;
import dev.storefront.domain.order.ShippingMethodSnapshot;
import dev.storefront.domain.port.in.order.CheckoutDetails;
import dev.storefront.domain.port.in.order.CheckoutQuote;
import dev.storefront.domain.port.out.AddressRepository;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.port.out.ShippingMethodRepository;
import dev.storefront.domain.port.out.ShippingRates;
import dev.storefront.domain.port.out.TaxCalculator;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeRejected;
import dev.storefront.domain.shipping.ShippingMethod;
import dev.storefront.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The priced checkout that both the quote ({@link QuoteCheckoutService}) and the checkout
 * ({@link CheckoutService}) run, inside their own transaction, so the two agree to the cent: the
 * cart's lines at today's prices (every short or inactive line reported at once), the customer's
 * details resolved by the store's rule, and the domain's {@link Pricing}. It reads and never writes;
 * the checkout takes stock and the promo code's use afterwards.
 *
 * <p>The rule: while no shipping method is active the store ships nothing — address and method are
 * optional, shipping is 0, tax follows the address when one is given, else the store's country
 * (none: no tax). Once one is active, an address and a method that ships to its country are required.
 *
 * <p>Checked in this order: the address and method (400, or 404 for an address that is not the
 * caller's), then stock (409), then the promo code (400, as it depends on the subtotal).
 */
public final class CheckoutPricing {
    private static final Comparator<ProductId> ASCENDING = Comparator.comparingLong(ProductId::value);
    static final String ADDRESS_FIELD = "shippingAddress";
    static final String METHOD_FIELD = "shippingMethod";

    private final ProductRepository products;
    private final AddressRepository addresses;
    private final ShippingMethodRepository shippingMethods;
    private final PromoCodeRepository promoCodes;
    private final Pricing pricing;
    private final Optional<Country> storeCountry;

    /** @param storeCountry where orders shipped nowhere are taxed ({@code STORE_COUNTRY}); empty: no tax for them */
    @Inject
    public CheckoutPricing(ProductRepository products, AddressRepository addresses,
                           ShippingMethodRepository shippingMethods, PromoCodeRepository promoCodes,
                           ShippingRates shippingRates, TaxCalculator taxCalculator, Optional<Country> storeCountry) {
        this.products = Objects.requireNonNull(products, "products");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.shippingMethods = Objects.requireNonNull(shippingMethods, "shippingMethods");
        this.promoCodes = Objects.requireNonNull(promoCodes, "promoCodes");
        this.pricing = new Pricing(shippingRates, taxCalculator);
        this.storeCountry = Objects.requireNonNull(storeCountry, "storeCountry");
    }

    /** The promo codes whose uses a checkout takes and a cancel gives back. */
    PromoCodeRepository promoCodes() {
        return promoCodes;
    }

    /**
     * A cart priced for a checkout: its lines, the units per product in ascending id order (the order
     * in which stock is taken), the breakdown, and what the order will carry.
     */
    record Priced(List<OrderLine> lines, SortedMap<ProductId, Integer> wanted, PriceBreakdown price,
                  Currency currency, Optional<PostalAddress> shippingAddress,
                  Optional<ShippingMethodSnapshot> shippingMethod, Optional<PromoCode> promo) {

        NewOrder toNewOrder(UserId user, Instant placedAt) {
            return new NewOrder(user, lines, currency, placedAt, price, shippingAddress.orElse(null),
                    shippingMethod.orElse(null), promo.map(PromoCode::code).orElse(null));
        }

        CheckoutQuote toQuote() {
            return new CheckoutQuote(lines, price, currency, shippingMethod, promo.map(PromoCode::code));
        }
    }

    /**
     * Prices the (non-empty) cart of {@code user} with {@code details} at {@code now}.
     *
     * @throws AddressNotFound       when {@code addressId} is not one of the user's
     * @throws InvalidInputException naming a missing address or method, or a method that is unknown,
     *                               no longer offered or does not ship to the address's country
     * @throws InsufficientStock     listing every line that is out of stock or no longer sold
     * @throws PromoCodeRejected     when the promo code cannot be used, saying why
     */
    Priced price(UserId user, Cart cart, CheckoutDetails details, Instant now) {
        Optional<PostalAddress> address = address(user, details);
        Optional<ShippingMethod> method = method(details, address);
        Lines lines = lines(cart);
        Money subtotal = lines.lines.stream().map(OrderLine::lineTotal)
                .reduce(Money.zero(lines.currency), Money::plus);
        Optional<PromoCode> promo = promo(user, details, subtotal, now);
        Optional<Pricing.Shipment> shipment = method.map(m -> new Pricing.Shipment(m, address.orElseThrow()));
        Optional<TaxLocation> taxLocation = address.map(TaxLocation::of)
                .or(() -> storeCountry.map(country -> new TaxLocation(country, "")));
        PriceBreakdown price = pricing.price(subtotal, promo, shipment, taxLocation);
        return new Priced(lines.lines, lines.wanted, price, lines.currency, address,
                method.map(ShippingMethodSnapshot::of), promo);
    }

    private Optional<PostalAddress> address(UserId user, CheckoutDetails details) {
        if (details.addressId().isPresent()) {
            return Optional.of(addresses.findById(user, details.addressId().get())
                    .map(Address::postal)
                    .orElseThrow(AddressNotFound::new));
        }
        return details.shippingAddress();
    }

    /** The chosen method, checked; empty when the store ships nothing (and none was chosen). */
    private Optional<ShippingMethod> method(CheckoutDetails details, Optional<PostalAddress> address) {
        List<FieldViolation> violations = new ArrayList<>();
        if (shippingMethods.anyActive()) {
            if (address.isEmpty()) {
                violations.add(new FieldViolation(ADDRESS_FIELD,
                        "is required: this store ships, give addressId or shippingAddress"));
            }
            if (details.shippingMethod().isEmpty()) {
                violations.add(new FieldViolation(METHOD_FIELD, "is required: this store ships, choose a method"));
            }
        }
        Optional<ShippingMethod> method = Optional.empty();
        if (details.shippingMethod().isPresent()) {
            String code = details.shippingMethod().get().value();
            Optional<ShippingMethod> found = shippingMethods.findByCode(details.shippingMethod().get());
            if (found.isEmpty()) {
                violations.add(new FieldViolation(METHOD_FIELD, "\"" + code + "\" is not a known shipping method"));
            } else if (!found.get().active()) {
                violations.add(new FieldViolation(METHOD_FIELD, "\"" + code + "\" is no longer offered"));
            } else if (address.isPresent() && !found.get().shipsTo(address.get().country())) {
                violations.add(new FieldViolation(METHOD_FIELD,
                        "\"" + code + "\" does not ship to " + address.get().country().code()));
            } else {
                // Active, so the address was required above: without one, that violation is thrown.
                method = found;
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return method;
    }

    private Optional<PromoCode> promo(UserId user, CheckoutDetails details, Money subtotal, Instant now) {
        if (details.promoCode().isEmpty()) {
            return Optional.empty();
        }
        PromoCode code = promoCodes.findByCode(details.promoCode().get())
                .filter(PromoCode::active)
                .orElseThrow(() -> new PromoCodeRejected(PromoCodeRejected.Reason.UNKNOWN));
        Optional<PromoCodeRejected.Reason> rejection = code.rejection(subtotal, now,
                promoCodes.usesBy(code.code(), user));
        if (rejection.isPresent()) {
            throw rejection.get() == PromoCodeRejected.Reason.BELOW_MIN_SUBTOTAL
                    ? new PromoCodeRejected(code.minSubtotal()) : new PromoCodeRejected(rejection.get());
        }
        return Optional.of(code);
    }

    private record Lines(List<OrderLine> lines, SortedMap<ProductId, Integer> wanted, Currency currency) {}

    /** The cart's lines at today's prices, in cart order; every short or inactive line reported at once. */
    private Lines lines(Cart cart) {
        // Quantities per product, summed (a cart holds one line per product, but the sum is what
        // is taken), in ascending id order: the order in which rows are locked and decremented.
        SortedMap<ProductId, Integer> wanted = new TreeMap<>(ASCENDING);
        for (CartLine line : cart.lines()) {
            wanted.merge(line.productId(), line.quantity().value(), Integer::sum);
        }
        Map<ProductId, Product> today = products.findAllById(new ArrayList<>(wanted.keySet())).stream()
                .collect(Collectors.toMap(Product::id, Function.identity()));

        List<Shortage> shortages = new ArrayList<>();
        wanted.forEach((id, quantity) -> {
            Product product = today.get(id);
            int available = product == null || !product.active() ? 0 : product.stock();
            if (available < quantity) {
                shortages.add(new Shortage(id, quantity, available));
            }
        });
        if (!shortages.isEmpty()) {
            throw new InsufficientStock(shortages);
        }
        Map<ProductId, OrderLine> lines = new LinkedHashMap<>();
        for (CartLine line : cart.lines()) {
            Product product = today.get(line.productId());
            lines.putIfAbsent(line.productId(), new OrderLine(product.id(), product.sku().value(), product.name(),
                    product.price(), wanted.get(line.productId())));
        }
        List<OrderLine> ordered = List.copyOf(lines.values());
        return new Lines(ordered, Collections.unmodifiableSortedMap(wanted), ordered.get(0).unitPrice().currency());
    }
}
