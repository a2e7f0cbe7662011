package dev.storefront.http.account;

/** {@code {"message": …}}. */
public record MessageResponse(String message) {
    public static MessageResponse from(String message) {
        return new MessageResponse(message);
    }
}
