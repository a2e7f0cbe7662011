package dev.storefront.http.account;

/** {@code POST /api/password-reset}. */
public record PasswordResetRequest(String email) {}
