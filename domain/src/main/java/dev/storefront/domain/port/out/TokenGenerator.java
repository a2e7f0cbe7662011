package dev.storefront.domain.port.out;

import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.session.TokenDigest;

/** Unguessable secrets and their digests. */
public interface TokenGenerator {

    /** A new secret of at least 256 bits from a CSPRNG, base64url without padding. */
    String newSecret();

    /** A new public handle for a session: random, unrelated to any secret. */
    SessionHandle newHandle();

    /** The digest that is stored in place of the secret (SHA-256, hex). */
    TokenDigest digest(String secret);
}
