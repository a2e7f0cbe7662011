package dev.storefront.inmemory;

import dev.storefront.domain.passkey.ChallengePurpose;
import dev.storefront.domain.passkey.PasskeyChallenge;
import dev.storefront.domain.port.out.PasskeyChallengeRepository;
import dev.storefront.domain.session.SessionHandle;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Passkey challenges in a map keyed by session and purpose; rolls back with {@link InMemoryTransactions}. */
public final class InMemoryPasskeyChallengeRepository
        implements PasskeyChallengeRepository, InMemoryTransactions.Participant {
    private record Key(SessionHandle session, ChallengePurpose purpose) {}

    private record Outstanding(PasskeyChallenge challenge, Instant expiresAt) {}

    private final Map<Key, Outstanding> challenges = new LinkedHashMap<>();

    public InMemoryPasskeyChallengeRepository(InMemoryTransactions transactions) {
        transactions.register(this);
    }

    @Override
    public synchronized void issue(SessionHandle session, ChallengePurpose purpose, PasskeyChallenge challenge,
                                   Instant expiresAt) {
        challenges.put(new Key(session, purpose), new Outstanding(challenge, expiresAt));
    }

    @Override
    public synchronized Optional<PasskeyChallenge> consume(SessionHandle session, ChallengePurpose purpose,
                                                           Instant now) {
        return Optional.ofNullable(challenges.remove(new Key(session, purpose)))
                .filter(o -> now.isBefore(o.expiresAt()))
                .map(Outstanding::challenge);
    }

    @Override
    public synchronized int deleteExpired(Instant now) {
        int before = challenges.size();
        challenges.values().removeIf(o -> !now.isBefore(o.expiresAt()));
        return before - challenges.size();
    }

    @Override
    public synchronized Runnable snapshot() {
        return Snapshots.of(this, challenges);
    }
}
