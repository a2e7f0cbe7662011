package dev.storefront.application.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.in.account.StartGuestSessionUseCase.StartGuestSessionCommand;
import dev.storefront.domain.session.GuestSessionsThrottled;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StartGuestSessionServiceTest {
    private final AccountKit kit = new AccountKit();

    private void start(String address) {
        kit.startGuest.startGuestSession(new StartGuestSessionCommand("Browser", address));
    }

    @Test
    void oneAddressStartsAtMostTheHourlyLimitOfGuestSessions() {
        for (int i = 0; i < SignUpLimits.DEFAULT_GUEST_SESSIONS_PER_HOUR; i++) {
            start("10.0.0.9");
        }
        GuestSessionsThrottled throttled = assertThrows(GuestSessionsThrottled.class, () -> start("10.0.0.9"));
        assertTrue(throttled.retryAfter().compareTo(Duration.ofHours(1)) <= 0, throttled.retryAfter().toString());
        assertEquals(SignUpLimits.DEFAULT_GUEST_SESSIONS_PER_HOUR, kit.sessions.size(), "the refused one was not stored");

        start("10.0.0.10");
        kit.startGuest.startGuestSession(new StartGuestSessionCommand("the host application's own call"));
        kit.time.advance(Duration.ofHours(1));
        start("10.0.0.9");
        assertEquals(SignUpLimits.DEFAULT_GUEST_SESSIONS_PER_HOUR + 3, kit.sessions.size());
    }
}
