package dev.storefront.http.account;

/** {@code POST /api/password-reset/confirm}. */
public record PasswordResetConfirmRequest(String token, String newPassword) {
    @Override
    public String toString() {
        return "PasswordResetConfirmRequest[hidden]";
    }
}
