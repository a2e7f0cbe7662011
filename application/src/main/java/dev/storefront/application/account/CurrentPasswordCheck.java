package dev.storefront.application.account;

import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.user.LoginThrottled;
import dev.storefront.domain.user.Password;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.WrongCurrentPassword;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Confirms a sensitive change with the current password. Failures count against the same throttle
 * as logins, so a stolen session cannot be used to guess the password at full speed.
 */
final class CurrentPasswordCheck {
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;

    CurrentPasswordCheck(PasswordHasher hasher, LoginThrottle throttle) {
        this.hasher = hasher;
        this.throttle = throttle;
    }

    void require(User user, String currentPassword, String clientAddress, Instant now) {
        String account = LogInService.accountKey(user);
        String address = clientAddress == null ? "local" : clientAddress;
        Optional<Duration> wait = throttle.begin(account, address, now);
        if (wait.isPresent()) {
            throw new LoginThrottled(wait.get());
        }
        boolean matches;
        try {
            matches = hasher.verify(Password.of(currentPassword), user.passwordHash());
        } catch (RuntimeException | Error e) {
            throttle.release(account, address);
            throw e;
        }
        if (!matches) {
            throttle.recordFailure(account, address, now);
            throw new WrongCurrentPassword();
        }
        throttle.release(account, address);
    }
}
