package dev.storefront.domain.port.out;

import dev.storefront.domain.user.UserId;

/**
 * One kind of personal data an account deletion erases: a user's sessions, cart, reset tokens, …
 * Repositories offer it as a method ({@code sessions::deleteByUser}, {@code passkeys::deleteAllOf});
 * the deletion calls every eraser it was given inside its one transaction, so a new kind of data is
 * one more entry in that list. Joins the caller's transaction.
 */
@FunctionalInterface
public interface PersonalDataEraser {
    void deleteAllOf(UserId userId);
}
