package dev.storefront.http.account;

/** {@code POST /api/login}: {@code login} is a username or an email; {@code username} or {@code email} may stand in for it. */
public record LoginRequest(String login, String username, String email, String password) {
    String effectiveLogin() {
        return login != null ? login : username != null ? username : email;
    }

    @Override
    public String toString() {
        return "LoginRequest[hidden]";
    }
}
