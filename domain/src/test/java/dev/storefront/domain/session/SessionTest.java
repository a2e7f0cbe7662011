package dev.storefront.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final SessionPolicy policy = new SessionPolicy(Duration.ofMinutes(30), Duration.ofDays(7));
    private final Session session = Session.start(new SessionHandle("h".repeat(22)), new TokenDigest("a".repeat(64)),
            new UserId(1), "curl/8", T0, policy);

    @Test
    void endsAfterTheIdleTimeoutWithoutActivity() {
        assertTrue(session.isActiveAt(T0.plus(Duration.ofMinutes(29)), policy));
        assertFalse(session.isActiveAt(T0.plus(Duration.ofMinutes(30)), policy));
    }

    @Test
    void activityMovesTheIdleEndButNotTheAbsoluteEnd() {
        Session touched = session.touchedAt(T0.plus(Duration.ofMinutes(29)));
        assertTrue(touched.isActiveAt(T0.plus(Duration.ofMinutes(58)), policy));
        Session nearEnd = session.touchedAt(T0.plus(Duration.ofDays(7)).minusSeconds(60));
        assertTrue(nearEnd.isActiveAt(T0.plus(Duration.ofDays(7)).minusSeconds(1), policy));
        assertFalse(nearEnd.isActiveAt(T0.plus(Duration.ofDays(7)), policy));
    }

    @Test
    void isTouchedAtMostOncePerInterval() {
        assertFalse(session.needsTouch(T0.plusSeconds(59), policy));
        assertTrue(session.needsTouch(T0.plusSeconds(60), policy));
    }

    @Test
    void aGuestSessionHasNoUser() {
        Session guest = Session.start(new SessionHandle("g".repeat(22)), new TokenDigest("b".repeat(64)), null, null,
                T0, policy);
        assertTrue(guest.isGuest());
        assertTrue(guest.user().isEmpty());
    }

    @Test
    void keepsTheUserAgentPrintableAndBounded() {
        Session odd = Session.start(new SessionHandle("h".repeat(22)), new TokenDigest("a".repeat(64)), null,
                "evil\r\nagent" + "x".repeat(500), T0, policy);
        assertFalse(odd.userAgent().contains("\n"));
        assertEquals(Session.MAX_USER_AGENT, odd.userAgent().length());
    }

    @Test
    void tokensHideTheirValueAndRejectForeignShapes() {
        assertTrue(SessionToken.parse("short").isEmpty());
        assertTrue(SessionToken.parse("x".repeat(43) + ";").isEmpty());
        SessionToken token = SessionToken.of("A".repeat(43));
        assertFalse(token.toString().contains("AAAA"));
        assertThrows(IllegalArgumentException.class, () -> new TokenDigest("XYZ"));
    }

    @Test
    void digestsCompareInConstantTimeByValue() {
        assertTrue(new TokenDigest("a".repeat(64)).matches(new TokenDigest("a".repeat(64))));
        assertFalse(new TokenDigest("a".repeat(64)).matches(new TokenDigest("b".repeat(64))));
    }
}
