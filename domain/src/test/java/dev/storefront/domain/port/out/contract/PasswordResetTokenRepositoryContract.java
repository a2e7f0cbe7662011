package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.PasswordResetTokenRepository;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.PasswordResetToken;
import dev.storefront.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PasswordResetTokenRepository} does. */
public abstract class PasswordResetTokenRepositoryContract {
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
    private PasswordResetTokenRepository tokens;
    private UserId alice;
    private UserId bob;

    protected abstract PasswordResetTokenRepository createRepository();

    protected abstract UserId createUser(String name);

    @BeforeEach
    void setUp() {
        tokens = createRepository();
        alice = createUser("alice");
        bob = createUser("bob");
    }

    private static PasswordResetToken token(char c, UserId user, Instant created) {
        return new PasswordResetToken(new TokenDigest(String.valueOf(c).repeat(64)), user, created,
                created.plus(Duration.ofMinutes(30)));
    }

    @Test
    void storesAndFindsByDigestWithEveryField() {
        PasswordResetToken t = token('a', alice, T0);
        tokens.add(t);
        assertEquals(t, tokens.findByDigest(t.digest()).orElseThrow());
        assertTrue(tokens.findByDigest(new TokenDigest("f".repeat(64))).isEmpty());
    }

    @Test
    void deletesEveryTokenOfOneUser() {
        tokens.add(token('a', alice, T0));
        tokens.add(token('b', alice, T0));
        tokens.add(token('c', bob, T0));
        assertEquals(2, tokens.deleteByUser(alice));
        assertTrue(tokens.findByDigest(new TokenDigest("a".repeat(64))).isEmpty());
        assertTrue(tokens.findByDigest(new TokenDigest("c".repeat(64))).isPresent());
    }

    @Test
    void deletesExpiredTokens() {
        tokens.add(token('a', alice, T0));
        tokens.add(token('b', bob, T0.plus(Duration.ofMinutes(20))));
        assertEquals(1, tokens.deleteExpired(T0.plus(Duration.ofMinutes(30))));
        assertTrue(tokens.findByDigest(new TokenDigest("b".repeat(64))).isPresent());
    }
}
