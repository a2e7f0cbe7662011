package dev.storefront.persistence.jdbi;

import dev.storefront.persistence.sqlite.SqliteTransactions;
import dev.storefront.persistence.sqlite.SqliteDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.session.Session;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.session.SessionPolicy;
import dev.storefront.domain.session.SessionWithUser;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.NewUser;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.user.Role;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.Username;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session cache on a real SQLite file. Its poll clock moves only when a test moves it, so a
 * change made behind the repositories' back (raw SQL, as another process would) shows only
 * through the poll; changes through the repositories must show at once.
 */
class SessionCacheIT {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofMinutes(30), Duration.ofDays(7));
    private static final Duration POLL = Duration.ofSeconds(1);

    @TempDir
    Path dir;
    private SqliteDatabase database;
    private final AtomicLong clock = new AtomicLong();
    private SessionCache cache;
    private JdbiSessionRepository sessions;
    private JdbiUserRepository users;
    private User alice;
    private int counter;

    @BeforeEach
    void open() {
        database = SqliteDatabase.open("jdbc:sqlite:" + dir.resolve("accounts.db"));
        cache = new SessionCache(database, clock::get, POLL, 100);
        sessions = new JdbiSessionRepository(database, cache);
        users = new JdbiUserRepository(database, cache);
        alice = users.add(NewUser.customer(new Username("alice"), new Email("alice@example.com"),
                new PasswordHash("hash"), T0));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Session start(User user) {
        counter++;
        Session session = Session.start(new SessionHandle(String.format("handle-%04d-abcdefghij", counter)),
                new TokenDigest(String.format("%064x", counter)),
                user == null ? null : user.id(), "agent", T0, POLICY);
        sessions.add(session);
        return session;
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("accounts.db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.executeUpdate(statement);
        }
    }

    private void pollDue() {
        clock.addAndGet(POLL.toNanos() + 1);
    }

    @Test
    void aSecondLookupIsAnsweredFromMemory() throws SQLException {
        Session s = start(alice);
        SessionWithUser first = sessions.findWithUser(s.digest()).orElseThrow();
        assertEquals(1, cache.size());
        // Behind the repositories' back, and ignored by the poll's trigger (a touch): memory answers.
        sql("UPDATE user_session SET last_seen_at = 1 WHERE token_hash = '" + s.digest().hex() + "'");
        pollDue();
        assertEquals(first, sessions.findWithUser(s.digest()).orElseThrow());
    }

    @Test
    void anEntryIsTrustedForAMinuteSoActivityElsewhereShowsByThen() throws SQLException {
        Session s = start(alice);
        sessions.findWithUser(s.digest()).orElseThrow();
        // Another process touching the session moves no counter...
        sql("UPDATE user_session SET last_seen_at = 99000 WHERE token_hash = '" + s.digest().hex() + "'");
        clock.addAndGet(SessionCache.MAX_AGE.toNanos() - 1);
        assertEquals(T0, sessions.findWithUser(s.digest()).orElseThrow().session().lastSeenAt());
        // ...but a minute after it was read, the entry is read again.
        clock.addAndGet(1);
        assertEquals(Instant.ofEpochMilli(99000), sessions.findWithUser(s.digest()).orElseThrow().session().lastSeenAt());
    }

    @Test
    void endingOrTouchingASessionThroughTheRepositoryShowsAtOnce() {
        Session a = start(alice);
        Session b = start(alice);
        Session c = start(alice);
        Session d = start(alice);
        for (Session s : List.of(a, b, c, d)) {
            sessions.findWithUser(s.digest()).orElseThrow();
        }
        sessions.touch(a.digest(), T0.plusSeconds(90));
        assertEquals(T0.plusSeconds(90), sessions.findWithUser(a.digest()).orElseThrow().session().lastSeenAt());

        assertTrue(sessions.delete(b.digest()));
        assertTrue(sessions.findWithUser(b.digest()).isEmpty(), "logout");

        assertTrue(sessions.deleteByHandle(alice.id(), c.handle()));
        assertTrue(sessions.findWithUser(c.digest()).isEmpty(), "revoked by handle");

        assertEquals(1, sessions.deleteByUserExcept(alice.id(), a.digest()));
        assertTrue(sessions.findWithUser(d.digest()).isEmpty(), "revoked as another session");
        assertEquals(1, sessions.deleteByUser(alice.id()));
        assertTrue(sessions.findWithUser(a.digest()).isEmpty(), "all sessions ended");
    }

    @Test
    void aLogoutOrAUsersChangeDropsOnlyWhatItConcernsEvenAfterThePoll() {
        User bob = users.add(NewUser.customer(new Username("bob"), new Email("bob@example.com"),
                new PasswordHash("hash"), T0));
        Session alices = start(alice);
        Session alicesOther = start(alice);
        Session bobs = start(bob);
        Session guest = start(null);
        for (Session s : List.of(alices, alicesOther, bobs, guest)) {
            sessions.findWithUser(s.digest()).orElseThrow();
        }

        assertTrue(sessions.delete(alices.digest()));
        pollDue(); // the counter moved, but by this process: not a change elsewhere
        long hits = cache.hits();
        sessions.findWithUser(alicesOther.digest()).orElseThrow();
        sessions.findWithUser(bobs.digest()).orElseThrow();
        assertEquals(hits + 2, cache.hits(), "the other sessions are still served from memory");

        users.update(bob.withRole(Role.ADMIN));
        pollDue();
        sessions.findWithUser(alicesOther.digest()).orElseThrow();
        sessions.findWithUser(guest.digest()).orElseThrow();
        assertEquals(hits + 4, cache.hits(), "a user's change drops that user's sessions only");
        assertEquals(Role.ADMIN, sessions.findWithUser(bobs.digest()).orElseThrow().user().orElseThrow().role());
        assertEquals(hits + 4, cache.hits());
    }

    @Test
    void theSweeperAndAUsersChangeShowAtOnce() {
        Session s = start(alice);
        sessions.findWithUser(s.digest()).orElseThrow();
        users.update(alice.withRole(Role.ADMIN));
        assertEquals(Role.ADMIN, sessions.findWithUser(s.digest()).orElseThrow().user().orElseThrow().role());

        assertEquals(1, sessions.deleteExpired(T0.plus(Duration.ofDays(8)), T0, 500));
        assertTrue(sessions.findWithUser(s.digest()).isEmpty());
    }

    @Test
    void aSweepBatchThatDeletesNothingKeepsTheCache() {
        Session s = start(alice);
        sessions.findWithUser(s.digest()).orElseThrow();
        Session other = start(alice);
        sessions.findWithUser(other.digest()).orElseThrow();

        assertEquals(0, sessions.deleteExpired(T0.plusSeconds(60), T0.minusSeconds(60), 500));

        assertEquals(2, cache.size());
    }

    @Test
    void aRolledBackDeleteLeavesTheSessionAndACommittedOneInATransactionEndsIt() {
        Session s = start(alice);
        sessions.findWithUser(s.digest()).orElseThrow();
        SqliteTransactions tx = database.transactions();
        assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
            sessions.delete(s.digest());
            assertTrue(sessions.findWithUser(s.digest()).isEmpty(), "inside the transaction the database answers");
            throw new IllegalStateException("roll back");
        }));
        assertTrue(sessions.findWithUser(s.digest()).isPresent());

        tx.inTransaction(() -> sessions.delete(s.digest()));
        assertTrue(sessions.findWithUser(s.digest()).isEmpty());
    }

    @Test
    void anotherProcessEndingASessionOrChangingARoleShowsAfterThePoll() throws SQLException {
        Session s = start(alice);
        Session guest = start(null);
        sessions.findWithUser(s.digest()).orElseThrow();
        sessions.findWithUser(guest.digest()).orElseThrow();

        sql("UPDATE user_account SET role = 'ADMIN' WHERE id = " + alice.id().value());
        assertEquals(Role.CUSTOMER, sessions.findWithUser(s.digest()).orElseThrow().user().orElseThrow().role(),
                "until the poll is due");
        pollDue();
        assertEquals(Role.ADMIN, sessions.findWithUser(s.digest()).orElseThrow().user().orElseThrow().role());

        sql("DELETE FROM user_session WHERE token_hash = '" + guest.digest().hex() + "'");
        pollDue();
        assertTrue(sessions.findWithUser(guest.digest()).isEmpty());
    }

    @Test
    void aLoginsLastLoginTimeDoesNotDropTheCacheButARoleChangeDoes() throws SQLException {
        Session s = start(alice);
        sessions.findWithUser(s.digest()).orElseThrow();
        sql("UPDATE user_account SET last_login_at = 5 WHERE id = " + alice.id().value());
        sql("UPDATE user_session SET last_seen_at = 5 WHERE token_hash = '" + s.digest().hex() + "'");
        pollDue();
        sessions.findWithUser(s.digest()).orElseThrow();
        assertEquals(1, cache.size(), "the triggers ignore logins and touches");
        sql("UPDATE user_account SET email = 'a2@example.com' WHERE id = " + alice.id().value());
        pollDue();
        sessions.findWithUser(s.digest()).orElseThrow();
        assertEquals("a2@example.com", sessions.findWithUser(s.digest()).orElseThrow().user().orElseThrow()
                .email().value());
    }

    @Test
    void aFullCacheStartsAgainEmpty() {
        List<Session> started = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            started.add(start(null));
        }
        started.forEach(s -> sessions.findWithUser(s.digest()).orElseThrow());
        assertEquals(100, cache.size());
        sessions.findWithUser(start(null).digest()).orElseThrow();
        assertEquals(1, cache.size());
    }

    /**
     * The race a cache can lose: a lookup reads the row, a logout commits, then the lookup stores
     * what it read. Played out in order: the logout commits inside the lookup's read.
     */
    @Test
    void aRowReadBeforeALogoutCommittedIsNotKept() {
        Session s = start(alice);
        JdbiSessionRepository uncached = new JdbiSessionRepository(database,
                new SessionCache(database, clock::get, POLL, 100));
        Optional<SessionWithUser> inFlight = cache.find(s.digest(), () -> {
            Optional<SessionWithUser> read = uncached.findWithUser(s.digest());
            assertTrue(sessions.delete(s.digest()), "the logout commits while the lookup is in flight");
            return read;
        });
        assertTrue(inFlight.isPresent(), "the lookup answers as of what it read");
        assertEquals(0, cache.size());
        assertTrue(sessions.findWithUser(s.digest()).isEmpty(), "the next lookup sees the logout");
    }

    /** The same with a change of the user (here: a role) committed inside the lookup's read. */
    @Test
    void aUserReadBeforeTheirChangeCommittedIsNotKept() {
        Session s = start(alice);
        JdbiSessionRepository uncached = new JdbiSessionRepository(database,
                new SessionCache(database, clock::get, POLL, 100));
        cache.find(s.digest(), () -> {
            Optional<SessionWithUser> read = uncached.findWithUser(s.digest());
            users.update(alice.withRole(Role.ADMIN));
            return read;
        });
        assertEquals(Role.ADMIN, sessions.findWithUser(s.digest()).orElseThrow().user().orElseThrow().role());
    }
}
