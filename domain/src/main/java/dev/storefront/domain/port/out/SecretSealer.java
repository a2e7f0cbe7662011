package dev.storefront.domain.port.out;

/**
 * Encrypts secrets that must be read back (TOTP secrets cannot be hashed) with authenticated
 * encryption bound to {@code context} (the owner's id): a sealed value opens only with the same
 * context, so it cannot be moved to another row.
 */
public interface SecretSealer {

    /** Text safe to store; a fresh nonce each time, so sealing the same secret twice differs. */
    String seal(byte[] secret, String context);

    /** @throws IllegalStateException when {@code sealed} was not sealed with this key and context (tampered, moved) */
    byte[] open(String sealed, String context);
}
