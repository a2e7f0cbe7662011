package dev.storefront.http.account;

import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.User;
import java.util.Locale;

/** The API's {@code User}: never a hash, a secret or a token. */
public record UserResponse(long id, String username, String email, boolean emailVerified, String pendingEmail,
                           String role, MfaResponse mfa, String createdAt) {
    /** Which second factors the user has: TOTP on or off, and how many passkeys. */
    public record MfaResponse(boolean totp, int passkeys) {}

    public static UserResponse from(User user) {
        return new UserResponse(user.id().value(), user.username().value(), user.email().value(),
                user.emailVerified(), user.pendingEmailChange().map(Email::value).orElse(null),
                user.role().name().toLowerCase(Locale.ROOT),
                new MfaResponse(user.secondFactors().totp(), user.secondFactors().passkeys()),
                Timestamps.format(user.createdAt()));
    }
}
