package dev.storefront.domain.port.in.account;

import dev.storefront.domain.session.IssuedSession;
import dev.storefront.domain.user.User;
import java.util.Objects;

/**
 * Checks a login (username or email, case-insensitive) and password and issues a new session. The
 * session the client held before (a guest's, or anyone's) ends; a guest's is handed over first.
 */
@FunctionalInterface
public interface LogInUseCase {
    /**
     * @throws dev.storefront.domain.user.InvalidCredentials for an unknown login or a wrong password alike
     * @throws dev.storefront.domain.user.LoginThrottled while the account or the address is throttled
     */
    LoggedIn logIn(LogInCommand command);

    record LoggedIn(User user, IssuedSession session) {
        public LoggedIn {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(session, "session");
        }
    }
}
