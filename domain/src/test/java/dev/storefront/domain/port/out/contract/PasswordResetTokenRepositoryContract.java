package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.PasswordResetTokenRepository;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.PasswordResetToken;
import dev.storefront.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PasswordResetTokenRepository} does. */
public abstract class PasswordResetTokenRepositoryContract {
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
    private static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final int MAX_LIVE = 3;
    private PasswordResetTokenRepository tokens;
    private UserId alice;
    private UserId bob;

    protected abstract PasswordResetTokenRepository createRepository();

    /** A user with the email {@code name@example.com}. */
    protected abstract UserId createUser(String name);

    @BeforeEach
    void setUp() {
        tokens = createRepository();
        alice = createUser("alice");
        bob = createUser("bob");
    }

    private static TokenDigest digest(char c) {
        return new TokenDigest(String.valueOf(c).repeat(64));
    }

    private void issue(char c, String name, Instant created) {
        tokens.issue(new Email(name + "@example.com"), digest(c), created, created.plus(LIFETIME), MAX_LIVE);
    }

    private boolean stored(char c) {
        return tokens.findByDigest(digest(c)).isPresent();
    }

    @Test
    void storesAndFindsByDigestWithEveryField() {
        issue('a', "alice", T0);
        assertEquals(new PasswordResetToken(digest('a'), alice, T0, T0.plus(LIFETIME)),
                tokens.findByDigest(digest('a')).orElseThrow());
        assertTrue(tokens.findByDigest(digest('f')).isEmpty());
    }

    @Test
    void anUnknownEmailStoresNothing() {
        issue('a', "nobody", T0);
        assertTrue(!stored('a'));
    }

    @Test
    void keepsTheNewestThreeOfAUserAndDropsTheOldest() {
        issue('a', "alice", T0);
        issue('b', "alice", T0.plusSeconds(1));
        issue('c', "alice", T0.plusSeconds(2));
        issue('e', "bob", T0);
        assertTrue(stored('a') && stored('b') && stored('c'), "three live at once");
        issue('d', "alice", T0.plusSeconds(3));
        assertTrue(!stored('a'), "the fourth drops the oldest");
        assertTrue(stored('b') && stored('c') && stored('d') && stored('e'));
    }

    @Test
    void tokensIssuedInTheSameMillisecondAreDroppedInTheOrderTheyWereIssued() {
        issue('a', "alice", T0);
        issue('b', "alice", T0);
        issue('c', "alice", T0);
        issue('d', "alice", T0);
        assertTrue(!stored('a'));
        assertTrue(stored('b') && stored('c') && stored('d'));
    }

    @Test
    void deletesEveryTokenOfOneUser() {
        issue('a', "alice", T0);
        issue('b', "alice", T0);
        issue('c', "bob", T0);
        assertEquals(2, tokens.deleteByUser(alice));
        assertTrue(!stored('a') && !stored('b'));
        assertTrue(stored('c'));
        assertEquals(1, tokens.deleteByUser(bob));
    }

    @Test
    void deletesExpiredTokens() {
        issue('a', "alice", T0);
        issue('b', "bob", T0.plus(Duration.ofMinutes(20)));
        assertEquals(1, tokens.deleteExpired(T0.plus(LIFETIME)));
        assertTrue(stored('b'));
    }

    @Test
    void consumeReturnsALiveTokenOnceAndRemovesIt() {
        issue('a', "alice", T0);
        issue('b', "alice", T0.plusSeconds(1));
        assertEquals(new PasswordResetToken(digest('a'), alice, T0, T0.plus(LIFETIME)),
                tokens.consume(digest('a'), T0.plusSeconds(5)).orElseThrow());
        assertTrue(tokens.consume(digest('a'), T0.plusSeconds(5)).isEmpty(), "a token works once");
        assertTrue(!stored('a') && stored('b'), "only the consumed token is gone");
        assertTrue(tokens.consume(digest('f'), T0).isEmpty());
    }

    @Test
    void consumeRefusesAnExpiredTokenAndADecoy() {
        issue('a', "alice", T0);
        assertTrue(tokens.consume(digest('a'), T0.plus(LIFETIME)).isEmpty(), "expired at its expiry");
        issue('e', "nobody", T0);
        assertTrue(tokens.consume(digest('e'), T0).isEmpty());
    }
}
