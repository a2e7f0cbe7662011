package dev.storefront.domain.port.out;

import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.UserId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * What a {@link Locks} lock is taken on: a namespace and an id, as one name ({@code "cart-user:42"}).
 * Every adapter maps it to the same 64-bit number, {@link #asLong()} (PostgreSQL's advisory locks
 * take a {@code bigint}), so instances of any version agree on which requests exclude each other.
 * The number is the first 8 bytes of the SHA-256 of the name: stable across JVMs and releases
 * (unlike {@link String#hashCode()}'s 32 bits, whose collisions would make unrelated carts wait for
 * each other far more often), and the namespace keeps a user's cart and the user apart.
 */
public record LockKey(String name) {

    public LockKey {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a lock key needs a name");
        }
    }

    /** The cart of a user or of a guest session. */
    public static LockKey cart(CartOwner owner) {
        if (Objects.requireNonNull(owner, "owner") instanceof CartOwner.User user) {
            return new LockKey("cart-user:" + user.userId().value());
        }
        return new LockKey("cart-guest:" + ((CartOwner.Guest) owner).session().value());
    }

    /** A user's account row. */
    public static LockKey user(UserId id) {
        return new LockKey("user:" + Objects.requireNonNull(id, "id").value());
    }

    /** The password resets requested for an email, known or not. */
    public static LockKey passwordResets(Email email) {
        return new LockKey("reset-email:" + Objects.requireNonNull(email, "email").value());
    }

    /**
     * Whether the catalog is empty, for an import only into an empty catalog (the demo catalog of
     * instances starting together): held from that check to the commit of what it decided.
     */
    public static LockKey emptyCatalogImport() {
        return new LockKey("catalog-import:only-if-empty");
    }

    /** A staged catalog import, while a chunk of its rows is applied (by whichever process resumes it). */
    public static LockKey catalogImport(long importId) {
        return new LockKey("catalog-import:" + importId);
    }

    /** The key as the 64-bit number every adapter locks on. */
    public long asLong() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
