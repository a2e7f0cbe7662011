package dev.storefront.domain.port.out;

import dev.storefront.domain.passkey.NewPasskey;
import dev.storefront.domain.passkey.Passkey;
import dev.storefront.domain.passkey.PasskeyAlreadyRegistered;
import dev.storefront.domain.passkey.PasskeyId;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Registered passkeys, and each user's WebAuthn user handle (random, stable, never the database id). */
public interface PasskeyRepository {

    /**
     * Stores a passkey and gives it an id.
     *
     * @throws PasskeyAlreadyRegistered when a passkey with this credential id exists (anyone's)
     */
    Passkey add(NewPasskey passkey);

    /** The user's passkeys, oldest first. */
    List<Passkey> findByUser(UserId userId);

    Optional<Passkey> findByCredentialId(String credentialId);

    /** Removes the user's passkey; false when there is none with this id among the user's. */
    boolean delete(UserId userId, PasskeyId id);

    /**
     * Records a login with the passkey: its counter becomes {@code newCount} and its last use
     * {@code at}, only if the stored counter is still {@code expectedCount} (compare-and-set: of two
     * concurrent logins that read the same counter, one succeeds).
     *
     * @return false when the passkey is gone or its counter moved meanwhile
     */
    boolean recordUse(PasskeyId id, long expectedCount, long newCount, Instant at);

    /**
     * The user's handle: the stored one, or else {@code candidate}, stored now. Of concurrent
     * callers with different candidates, all get the one that was stored.
     */
    String userHandle(UserId userId, String candidate);

    /** The user a handle belongs to. */
    Optional<UserId> findUserByHandle(String handle);

    /** Erases the user's passkeys and handle (account deletion); @return how many passkeys */
    int deleteAllOf(UserId userId);
}
