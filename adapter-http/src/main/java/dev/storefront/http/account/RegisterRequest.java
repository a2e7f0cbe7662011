package dev.storefront.http.account;

/** {@code POST /api/register}. Missing fields are reported by the use case, all at once. */
public record RegisterRequest(String username, String email, String password) {
    @Override
    public String toString() {
        return "RegisterRequest[username=" + username + "]";
    }
}
