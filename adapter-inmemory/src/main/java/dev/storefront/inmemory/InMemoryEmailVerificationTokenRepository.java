package dev.storefront.inmemory;

import dev.storefront.domain.port.out.EmailVerificationTokenRepository;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.EmailVerificationToken;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Verification tokens in a map keyed by user (one each); rolls back with {@link InMemoryTransactions}. */
public final class InMemoryEmailVerificationTokenRepository
        implements EmailVerificationTokenRepository, InMemoryTransactions.Participant {
    private final Map<UserId, EmailVerificationToken> byUser = new LinkedHashMap<>();

    public InMemoryEmailVerificationTokenRepository(InMemoryTransactions transactions) {
        transactions.register(this);
    }

    @Override
    public synchronized void issue(EmailVerificationToken token) {
        byUser.put(token.userId(), token);
    }

    @Override
    public synchronized Optional<EmailVerificationToken> consume(TokenDigest digest, Instant now) {
        Optional<EmailVerificationToken> live = byUser.values().stream()
                .filter(token -> token.digest().matches(digest) && token.isValidAt(now))
                .findFirst();
        live.ifPresent(token -> byUser.remove(token.userId()));
        return live;
    }

    @Override
    public synchronized int deleteAllOf(UserId userId) {
        return byUser.remove(userId) == null ? 0 : 1;
    }

    @Override
    public synchronized int deleteExpired(Instant now) {
        int before = byUser.size();
        byUser.values().removeIf(token -> !token.isValidAt(now));
        return before - byUser.size();
    }

    @Override
    public synchronized Runnable snapshot() {
        return Snapshots.of(this, byUser);
    }
}
