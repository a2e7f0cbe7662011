package dev.storefront.domain.passkey;

import java.util.Objects;

/**
 * Who passkeys are registered with: {@code id} is the host of the shop's public address
 * ({@code localhost}, {@code shop.example.com}), {@code origin} its scheme, host and port
 * ({@code http://localhost:5005}), {@code name} what the browser shows.
 */
public record RelyingParty(String id, String origin, String name) {
    public RelyingParty {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(name, "name");
    }
}
