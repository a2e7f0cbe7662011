package dev.storefront.http.account;

/** {@code DELETE /api/user}: {@code currentPassword} required. */
public record DeleteAccountRequest(String currentPassword) {
    @Override
    public String toString() {
        return "DeleteAccountRequest[hidden]";
    }
}
