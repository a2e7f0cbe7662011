package dev.storefront.domain.port.out;

import dev.storefront.domain.address.Address;
import dev.storefront.domain.address.AddressId;
import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Users' address books. Methods join the caller's transaction ({@link Transactions}); the use cases
 * take {@link Locks#lockUser} first, so the count of a user's addresses and which one is the
 * default are read and written without a concurrent change in between.
 */
public interface AddressRepository {

    /** The user's addresses, the default first, then in the order they were added. */
    List<Address> findByUser(UserId userId);

    /** One of the user's addresses; empty when it does not exist or is another user's. */
    Optional<Address> findById(UserId userId, AddressId id);

    /** How many addresses the user keeps. */
    int countByUser(UserId userId);

    /** Adds an address to the user's book (not the default: see {@link #makeDefault}). */
    Address add(UserId userId, PostalAddress postal);

    /** Replaces the fields of one of the user's addresses; false when it is not the user's. */
    boolean update(UserId userId, AddressId id, PostalAddress postal);

    /** Makes this address the user's only default; false when it is not the user's. */
    boolean makeDefault(UserId userId, AddressId id);

    /** Deletes one of the user's addresses; false when it is not the user's. */
    boolean delete(UserId userId, AddressId id);

    /** Deletes every address of the user (account deletion); returns how many. */
    int deleteAllOf(UserId userId);
}
