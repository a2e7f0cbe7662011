package dev.storefront.domain.user;

import dev.storefront.domain.common.AccessDeniedException;

/** The store requires a verified email for this (checkout with {@code REQUIRE_VERIFIED_EMAIL}). */
public class EmailUnverified extends AccessDeniedException {
    private static final long serialVersionUID = 1L;

    public EmailUnverified() {
        super("Verify your email address first (POST /api/email-verification sends a new link)");
    }
}
