package dev.storefront.domain.address;

/** The identity of a saved address: a positive number assigned by the store. */
public record AddressId(long value) {
    public AddressId {
        if (value <= 0) {
            throw new IllegalArgumentException("address id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
