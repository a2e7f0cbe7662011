package dev.storefront.domain.address;

import dev.storefront.domain.user.UserId;
import java.util.Objects;

/** A saved address of a user's address book; at most one of a user's addresses is the default. */
public record Address(AddressId id, UserId userId, PostalAddress postal, boolean isDefault) {
    /** The most addresses one user may keep. */
    public static final int MAX_PER_USER = 20;

    public Address {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(postal, "postal");
    }
}
