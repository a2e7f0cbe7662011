package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.session.Session;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.session.SessionPolicy;
import dev.storefront.domain.session.SessionWithUser;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionRepository} does. Subclasses give a fresh repository per test and two
 * existing users' ids (sessions refer to users).
 */
public abstract class SessionRepositoryContract {
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
    private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofMinutes(30), Duration.ofDays(7));
    private SessionRepository sessions;
    private UserId alice;
    private UserId bob;
    private int counter;

    protected abstract SessionRepository createRepository();

    /** Creates a user the sessions can belong to. */
    protected abstract UserId createUser(String name);

    @BeforeEach
    void setUp() {
        sessions = createRepository();
        alice = createUser("alice");
        bob = createUser("bob");
    }

    private Session session(UserId user, Instant start) {
        counter++;
        String n = String.format("%02d", counter);
        return Session.start(new SessionHandle("handle-" + n + "-abcdefghij"), new TokenDigest(n.repeat(32)), user,
                "agent " + n, start, POLICY);
    }

    @Test
    void storesAndFindsASessionByItsDigestWithEveryField() {
        Session s = session(alice, T0);
        sessions.add(s);
        assertEquals(s, sessions.findByDigest(s.digest()).orElseThrow());
        assertTrue(sessions.findByDigest(new TokenDigest("f".repeat(64))).isEmpty());
    }

    @Test
    void storesASessionPendingASecondFactorWithTheGuestSessionItTakesOver() {
        Session guest = session(null, T0);
        sessions.add(guest);
        counter++;
        Session pending = Session.pendingSecondFactor(new SessionHandle("handle-pending-abcdefghij"),
                new TokenDigest("9".repeat(64)), alice, "agent", T0, POLICY, guest.digest());
        sessions.add(pending);
        assertEquals(pending, sessions.findByDigest(pending.digest()).orElseThrow());
        SessionWithUser found = sessions.findWithUser(pending.digest()).orElseThrow();
        assertTrue(found.session().pendingSecondFactor());
        assertEquals(guest.digest(), found.session().handedOverGuest().orElseThrow());
        assertEquals(T0.plus(Session.PENDING_LIFETIME), found.session().expiresAt());
        assertEquals(alice, found.user().orElseThrow().id());
        Session withoutGuest = Session.pendingSecondFactor(new SessionHandle("handle-pending2-abcdefghij"),
                new TokenDigest("8".repeat(64)), bob, null, T0, POLICY, null);
        sessions.add(withoutGuest);
        assertEquals(withoutGuest, sessions.findByDigest(withoutGuest.digest()).orElseThrow());
        assertTrue(!sessions.findByDigest(guest.digest()).orElseThrow().pendingSecondFactor());
    }

    @Test
    void storesGuestSessionsWithoutAUser() {
        Session guest = session(null, T0);
        sessions.add(guest);
        assertTrue(sessions.findByDigest(guest.digest()).orElseThrow().isGuest());
    }

    @Test
    void findsASessionWithItsUserInOneRead() {
        Session s = session(alice, T0);
        sessions.add(s);
        sessions.add(session(bob, T0));
        SessionWithUser found = sessions.findWithUser(s.digest()).orElseThrow();
        assertEquals(s, found.session());
        assertEquals(alice, found.user().orElseThrow().id());
        assertEquals("alice", found.user().orElseThrow().username().value());
        assertTrue(sessions.findWithUser(new TokenDigest("f".repeat(64))).isEmpty());
    }

    @Test
    void findsAGuestSessionWithoutAUser() {
        Session guest = session(null, T0);
        sessions.add(guest);
        SessionWithUser found = sessions.findWithUser(guest.digest()).orElseThrow();
        assertEquals(guest, found.session());
        assertTrue(found.user().isEmpty());
    }

    @Test
    void refusesADuplicateDigestOrHandle() {
        Session s = session(alice, T0);
        sessions.add(s);
        assertThrows(IllegalStateException.class, () -> sessions.add(s));
    }

    @Test
    void listsAUsersSessionsMostRecentlySeenFirst() {
        Session older = session(alice, T0);
        Session newer = session(alice, T0.plusSeconds(10));
        sessions.add(older);
        sessions.add(newer);
        sessions.add(session(bob, T0));
        sessions.add(session(null, T0));
        assertEquals(List.of(newer.handle(), older.handle()),
                sessions.findByUser(alice).stream().map(Session::handle).toList());
        sessions.touch(older.digest(), T0.plusSeconds(20));
        assertEquals(List.of(older.handle(), newer.handle()),
                sessions.findByUser(alice).stream().map(Session::handle).toList());
        assertEquals(T0.plusSeconds(20), sessions.findByDigest(older.digest()).orElseThrow().lastSeenAt());
    }

    @Test
    void deletesOneSessionByDigest() {
        Session s = session(alice, T0);
        sessions.add(s);
        assertTrue(sessions.delete(s.digest()));
        assertFalse(sessions.delete(s.digest()));
        assertTrue(sessions.findByDigest(s.digest()).isEmpty());
    }

    @Test
    void deletesByHandleOnlyTheOwnersSession() {
        Session s = session(alice, T0);
        sessions.add(s);
        assertFalse(sessions.deleteByHandle(bob, s.handle()));
        assertTrue(sessions.findByDigest(s.digest()).isPresent());
        assertTrue(sessions.deleteByHandle(alice, s.handle()));
        assertTrue(sessions.findByDigest(s.digest()).isEmpty());
    }

    @Test
    void deletesAllOfAUsersSessionsOrAllButOne() {
        Session a1 = session(alice, T0);
        Session a2 = session(alice, T0);
        Session a3 = session(alice, T0);
        Session b1 = session(bob, T0);
        List.of(a1, a2, a3, b1).forEach(sessions::add);
        assertEquals(2, sessions.deleteByUserExcept(alice, a2.digest()));
        assertEquals(List.of(a2.handle()), sessions.findByUser(alice).stream().map(Session::handle).toList());
        assertEquals(1, sessions.deleteByUser(alice));
        assertTrue(sessions.findByUser(alice).isEmpty());
        assertEquals(1, sessions.findByUser(bob).size());
    }

    @Test
    void deletesExpiredSessionsInBulkByAbsoluteAndIdleEnd() {
        Instant now = T0.plus(Duration.ofDays(7));
        Session fresh = session(alice, now.minus(Duration.ofMinutes(10)));
        Session idle = session(alice, now.minus(Duration.ofHours(1)));
        Session ancient = session(null, T0);
        List.of(fresh, idle, ancient).forEach(sessions::add);
        sessions.touch(ancient.digest(), now.minusSeconds(1)); // active, but past its absolute lifetime
        assertEquals(2, sessions.deleteExpired(now, now.minus(Duration.ofMinutes(30)), 100));
        assertTrue(sessions.findByDigest(fresh.digest()).isPresent());
        assertTrue(sessions.findByDigest(idle.digest()).isEmpty());
        assertTrue(sessions.findByDigest(ancient.digest()).isEmpty());
    }

    @Test
    void deletesExpiredSessionsAtMostTheLimitAtATimeLeavingLiveOnesAlone() {
        Instant now = T0.plus(Duration.ofDays(7));
        Instant idleCutoff = now.minus(Duration.ofMinutes(30));
        List<Session> expired = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Session s = session(i % 2 == 0 ? null : alice, now.minus(Duration.ofHours(1)));
            expired.add(s);
            sessions.add(s);
        }
        Session live = session(bob, now.minus(Duration.ofMinutes(10)));
        sessions.add(live);

        assertEquals(2, sessions.deleteExpired(now, idleCutoff, 2));
        assertEquals(3, expired.stream().filter(s -> sessions.findByDigest(s.digest()).isPresent()).count());
        assertEquals(2, sessions.deleteExpired(now, idleCutoff, 2));
        assertEquals(1, sessions.deleteExpired(now, idleCutoff, 2));
        assertEquals(0, sessions.deleteExpired(now, idleCutoff, 2));
        assertTrue(expired.stream().allMatch(s -> sessions.findByDigest(s.digest()).isEmpty()));
        assertTrue(sessions.findByDigest(live.digest()).isPresent());
    }
}
