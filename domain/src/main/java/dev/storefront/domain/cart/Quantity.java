package dev.storefront.domain.cart;

/** How many units of one product a cart line holds: 1 to {@value #MAX}. */
public record Quantity(int value) {
    public static final int MAX = 99;

    public Quantity {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("quantity must be from 1 to " + MAX + ": " + value);
        }
    }

    public static boolean isValid(long value) {
        return value >= 1 && value <= MAX;
    }
}
