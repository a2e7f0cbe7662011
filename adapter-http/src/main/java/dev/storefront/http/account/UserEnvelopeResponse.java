package dev.storefront.http.account;

import dev.storefront.domain.user.User;

/** {@code {"user": User}}. */
public record UserEnvelopeResponse(UserResponse user) {
    public static UserEnvelopeResponse from(User user) {
        return new UserEnvelopeResponse(UserResponse.from(user));
    }
}
