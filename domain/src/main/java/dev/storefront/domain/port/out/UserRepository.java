package dev.storefront.domain.port.out;

import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.NewUser;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UserId;
import dev.storefront.domain.user.Username;
import dev.storefront.domain.user.UsernameOrEmailTaken;
import java.time.Instant;
import java.util.Optional;

/** Registered users. Usernames are unique case-insensitively, emails (stored lower-cased) exactly. */
public interface UserRepository {

    /**
     * Stores a new user and gives it an id.
     *
     * @throws UsernameOrEmailTaken when another user has the username or the email
     */
    User add(NewUser user);

    Optional<User> findById(UserId id);

    /**
     * A user by id, to be changed and written back whole with {@link #update}: inside a write
     * transaction, no other transaction changes the row until this one ends (PostgreSQL:
     * {@code SELECT … FOR UPDATE}), so a login's write cannot undo a role or password change.
     */
    Optional<User> findByIdForUpdate(UserId id);

    /** Case-insensitive. */
    Optional<User> findByUsername(Username username);

    Optional<User> findByEmail(Email email);

    /**
     * Saves every field of an existing user; pass one read with {@link #findByIdForUpdate} in the
     * same transaction.
     *
     * @throws UsernameOrEmailTaken when another user has the new username or email
     * @throws IllegalStateException when the user does not exist (or was erased)
     */
    void update(User user);

    /**
     * Erases the user's own fields, keeping only the id (and the creation time) as a tombstone that
     * the user's orders still refer to: from then on no finder returns it, {@link #update} fails
     * for it, and its username and email are free at once for a new account (with a new id).
     *
     * @return whether a live user was erased (false when unknown or already erased)
     */
    boolean erase(UserId id, Instant erasedAt);
}
