package dev.storefront.domain.passkey;

/** What a challenge was issued for: a session holds at most one live challenge per purpose. */
public enum ChallengePurpose {
    REGISTRATION, LOGIN
}
