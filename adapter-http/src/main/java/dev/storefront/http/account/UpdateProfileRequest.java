package dev.storefront.http.account;

/** {@code PATCH /api/user}: {@code username} and {@code email} optional, {@code currentPassword} required. */
public record UpdateProfileRequest(String username, String email, String currentPassword) {
    @Override
    public String toString() {
        return "UpdateProfileRequest[hidden]";
    }
}
