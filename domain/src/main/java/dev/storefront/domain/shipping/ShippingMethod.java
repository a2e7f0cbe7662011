package dev.storefront.domain.shipping;

import dev.storefront.domain.address.Country;
import dev.storefront.domain.money.Money;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A way to ship, managed by admins: a flat price, free from {@code freeOver} (compared with the
 * subtotal after the discount), to the given countries (none: everywhere).
 *
 * @param freeOver {@code null} when it is never free
 */
public record ShippingMethod(ShippingMethodCode code, String name, Money price, Money freeOver,
                             SortedSet<Country> countries, boolean active) {
    public static final int NAME_MAX = 100;

    public ShippingMethod {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        countries = new TreeSet<>(countries);
        name = name.strip();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > NAME_MAX) {
            throw new IllegalArgumentException("a shipping method's name has 1 to " + NAME_MAX + " characters");
        }
        if (price.isNegative() || (freeOver != null && freeOver.isNegative())) {
            throw new IllegalArgumentException("shipping money is never negative");
        }
        if (freeOver != null && !freeOver.currency().equals(price.currency())) {
            throw new IllegalArgumentException("freeOver in another currency than the price");
        }
    }

    public Optional<Money> freeOverAmount() {
        return Optional.ofNullable(freeOver);
    }

    /** Whether it ships to the country: every country when the list is empty. */
    public boolean shipsTo(Country country) {
        return countries.isEmpty() || countries.contains(country);
    }

    /** The method's own price for an order of this discounted subtotal: nothing from {@code freeOver} on. */
    public Money priceFor(Money discountedSubtotal) {
        if (freeOver != null && discountedSubtotal.compareTo(freeOver) >= 0) {
            return Money.zero(price.currency());
        }
        return price;
    }

    /** This method, no longer offered. */
    public ShippingMethod deactivate() {
        return new ShippingMethod(code, name, price, freeOver, countries, false);
    }
}
