package dev.storefront.domain.port.in.account;

/** Raw input as typed; the use case validates every field and reports all problems at once. */
public record RegisterUserCommand(String username, String email, String password, String clientAddress) {
    @Override
    public String toString() {
        return "RegisterUserCommand[username=" + username + "]";
    }
}
