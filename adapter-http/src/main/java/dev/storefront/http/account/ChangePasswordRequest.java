package dev.storefront.http.account;

/** {@code POST /api/user/password}. */
public record ChangePasswordRequest(String currentPassword, String newPassword) {
    @Override
    public String toString() {
        return "ChangePasswordRequest[hidden]";
    }
}
