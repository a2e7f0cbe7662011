package dev.storefront.domain.port.in.account;

import dev.storefront.domain.session.SessionToken;
import java.util.Objects;
import java.util.Optional;

/** {@code previousSession}: the session id the client presented, if any (ended at login). */
public record LogInCommand(String login, String password, String clientAddress, String userAgent,
                           Optional<SessionToken> previousSession) {
    public LogInCommand {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(previousSession, "previousSession");
    }

    @Override
    public String toString() {
        return "LogInCommand[hidden]";
    }
}
