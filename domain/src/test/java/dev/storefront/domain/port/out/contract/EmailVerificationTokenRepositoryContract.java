package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.EmailVerificationTokenRepository;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.EmailVerificationToken;
import dev.storefront.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EmailVerificationTokenRepository} does. */
public abstract class EmailVerificationTokenRepositoryContract {
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
    private static final Duration LIFETIME = Duration.ofHours(24);
    private EmailVerificationTokenRepository tokens;
    private UserId alice;
    private UserId bob;

    protected abstract EmailVerificationTokenRepository createRepository();

    /** A user with the email {@code name@example.com}. */
    protected abstract UserId createUser(String name);

    /** Runs {@code work} in a write transaction of the repository's store. */
    protected abstract void inTransaction(Runnable work);

    @BeforeEach
    void setUp() {
        tokens = createRepository();
        alice = createUser("alice");
        bob = createUser("bob");
    }

    private static TokenDigest digest(char c) {
        return new TokenDigest(String.valueOf(c).repeat(64));
    }

    private static EmailVerificationToken token(char c, UserId user, String address, Instant created) {
        return new EmailVerificationToken(digest(c), user, new Email(address), created, created.plus(LIFETIME));
    }

    private void issue(EmailVerificationToken token) {
        inTransaction(() -> tokens.issue(token));
    }

    private boolean consumable(char c, Instant at) {
        boolean[] found = new boolean[1];
        inTransaction(() -> found[0] = tokens.consume(digest(c), at).isPresent());
        return found[0];
    }

    @Test
    void consumeReturnsALiveTokenWithEveryFieldOnceAndRemovesIt() {
        EmailVerificationToken issued = token('a', alice, "alice.new@example.com", T0);
        issue(issued);
        inTransaction(() -> {
            assertEquals(issued, tokens.consume(digest('a'), T0.plusSeconds(5)).orElseThrow());
            assertTrue(tokens.consume(digest('a'), T0.plusSeconds(5)).isEmpty(), "a token works once");
            assertTrue(tokens.consume(digest('f'), T0).isEmpty(), "an unknown digest");
        });
    }

    @Test
    void aNewTokenSupersedesTheUsersOlderOneOnly() {
        issue(token('a', alice, "alice@example.com", T0));
        issue(token('c', bob, "bob@example.com", T0));
        issue(token('b', alice, "alice.new@example.com", T0.plusSeconds(1)));
        assertTrue(!consumable('a', T0.plusSeconds(2)), "superseded");
        assertTrue(consumable('b', T0.plusSeconds(2)));
        assertTrue(consumable('c', T0.plusSeconds(2)), "another user's token stays");
    }

    @Test
    void consumeRefusesAnExpiredTokenAndLeavesItForTheSweep() {
        issue(token('a', alice, "alice@example.com", T0));
        assertTrue(!consumable('a', T0.plus(LIFETIME)), "expired at its expiry");
        int[] swept = new int[1];
        inTransaction(() -> swept[0] = tokens.deleteExpired(T0.plus(LIFETIME)));
        assertEquals(1, swept[0]);
    }

    @Test
    void deletesExpiredTokensOnly() {
        issue(token('a', alice, "alice@example.com", T0));
        issue(token('b', bob, "bob@example.com", T0.plus(Duration.ofHours(1))));
        int[] swept = new int[1];
        inTransaction(() -> swept[0] = tokens.deleteExpired(T0.plus(LIFETIME)));
        assertEquals(1, swept[0]);
        assertTrue(consumable('b', T0.plus(LIFETIME)));
    }

    @Test
    void deletesEveryTokenOfOneUser() {
        issue(token('a', alice, "alice@example.com", T0));
        issue(token('b', bob, "bob@example.com", T0));
        int[] deleted = new int[2];
        inTransaction(() -> {
            deleted[0] = tokens.deleteAllOf(alice);
            deleted[1] = tokens.deleteAllOf(alice);
        });
        assertEquals(1, deleted[0]);
        assertEquals(0, deleted[1]);
        assertTrue(!consumable('a', T0) && consumable('b', T0));
    }

    @Test
    void aRolledBackIssueLeavesTheOlderTokenLive() {
        issue(token('a', alice, "alice@example.com", T0));
        try {
            inTransaction(() -> {
                tokens.issue(token('b', alice, "alice.new@example.com", T0));
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the issue is undone with its transaction
        }
        assertTrue(!consumable('b', T0));
        assertTrue(consumable('a', T0));
    }
}
