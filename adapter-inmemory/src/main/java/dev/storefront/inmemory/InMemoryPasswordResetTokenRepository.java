package dev.storefront.inmemory;

import dev.storefront.domain.port.out.PasswordResetTokenRepository;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.PasswordResetToken;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reset tokens in a map keyed by digest; rolls back with {@link InMemoryTransactions}. */
public final class InMemoryPasswordResetTokenRepository
        implements PasswordResetTokenRepository, InMemoryTransactions.Participant {
    private final Map<TokenDigest, PasswordResetToken> tokens = new LinkedHashMap<>();
    private final UserRepository users;

    /** @param users whose emails {@link #issue} looks up */
    public InMemoryPasswordResetTokenRepository(InMemoryTransactions transactions, UserRepository users) {
        this.users = Objects.requireNonNull(users, "users");
        transactions.register(this);
    }

    @Override
    public synchronized void issue(Email email, TokenDigest digest, Instant createdAt, Instant expiresAt,
                                   int maxLive) {
        Optional<UserId> owner = users.findByEmail(email).map(User::id);
        if (owner.isEmpty()) {
            return;
        }
        if (tokens.putIfAbsent(digest, new PasswordResetToken(digest, owner.get(), createdAt, expiresAt)) != null) {
            throw new IllegalStateException("reset token already stored");
        }
        // Oldest first; equal times keep the order they were stored in.
        List<PasswordResetToken> owned = tokens.values().stream()
                .filter(t -> t.userId().equals(owner.get()))
                .sorted(Comparator.comparing(PasswordResetToken::createdAt))
                .toList();
        owned.subList(0, Math.max(0, owned.size() - maxLive)).forEach(t -> tokens.remove(t.digest()));
    }

    @Override
    public synchronized Optional<PasswordResetToken> findByDigest(TokenDigest digest) {
        return Optional.ofNullable(tokens.get(digest));
    }

    @Override
    public synchronized Optional<PasswordResetToken> consume(TokenDigest digest, Instant now) {
        PasswordResetToken token = tokens.get(digest);
        if (token == null || !token.isValidAt(now)) {
            return Optional.empty();
        }
        tokens.remove(digest);
        return Optional.of(token);
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
