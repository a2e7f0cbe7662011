package dev.storefront.inmemory;

import dev.storefront.domain.port.out.PasswordResetTokenRepository;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.PasswordResetToken;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reset tokens in a map keyed by digest; rolls back with {@link InMemoryTransactions}. */
public final class InMemoryPasswordResetTokenRepository
        implements PasswordResetTokenRepository, InMemoryTransactions.Participant {
    private final Map<TokenDigest, PasswordResetToken> tokens = new LinkedHashMap<>();

    public InMemoryPasswordResetTokenRepository(InMemoryTransactions transactions) {
        transactions.register(this);
    }

    @Override
    public synchronized void add(PasswordResetToken token) {
        if (tokens.putIfAbsent(token.digest(), token) != null) {
            throw new IllegalStateException("reset token already stored");
        }
    }

    @Override
    public synchronized Optional<PasswordResetToken> findByDigest(TokenDigest digest) {
        return Optional.ofNullable(tokens.get(digest));
    }

    @Override
    public synchronized int deleteByUser(UserId userId) {
        int before = tokens.size();
        tokens.values().removeIf(t -> t.userId().equals(userId));
        return before - tokens.size();
    }

    @Override
    public synchronized int deleteExpired(Instant now) {
        int before = tokens.size();
        tokens.values().removeIf(t -> !t.isValidAt(now));
        return before - tokens.size();
    }

    @Override
    public synchronized Runnable snapshot() {
        return Snapshots.of(this, tokens);
    }
}
