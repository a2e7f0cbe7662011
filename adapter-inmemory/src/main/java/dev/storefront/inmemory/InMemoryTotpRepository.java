package dev.storefront.inmemory;

import dev.storefront.domain.port.out.TotpRepository;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.TotpCredential;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** TOTP credentials and recovery-code digests in maps; rolls back with {@link InMemoryTransactions}. */
public final class InMemoryTotpRepository implements TotpRepository, InMemoryTransactions.Participant {
    private final Map<UserId, TotpCredential> credentials = new LinkedHashMap<>();
    /** Immutable sets, replaced on every change, so a snapshot's copy of the map is a true copy. */
    private final Map<UserId, Set<TokenDigest>> recoveryCodes = new LinkedHashMap<>();

    public InMemoryTotpRepository(InMemoryTransactions transactions) {
        transactions.register(this);
    }

    @Override
    public synchronized void savePending(UserId user, String sealedSecret, Instant at) {
        credentials.put(user, new TotpCredential(user, sealedSecret, false, TotpCredential.NO_STEP_USED));
    }

    @Override
    public synchronized Optional<TotpCredential> find(UserId user) {
        return Optional.ofNullable(credentials.get(user));
    }

    @Override
    public synchronized boolean confirm(UserId user) {
        TotpCredential c = credentials.get(user);
        if (c == null) {
            return false;
        }
        credentials.put(user, new TotpCredential(user, c.sealedSecret(), true, c.lastUsedStep()));
        return true;
    }

    @Override
    public synchronized boolean useStep(UserId user, long step) {
        TotpCredential c = credentials.get(user);
        if (c == null || c.lastUsedStep() >= step) {
            return false;
        }
        credentials.put(user, new TotpCredential(user, c.sealedSecret(), c.confirmed(), step));
        return true;
    }

    @Override
    public synchronized void replaceRecoveryCodes(UserId user, List<TokenDigest> codes) {
        recoveryCodes.put(user, Set.copyOf(codes));
    }

    @Override
    public synchronized boolean useRecoveryCode(UserId user, TokenDigest code) {
        Set<TokenDigest> left = new HashSet<>(recoveryCodes.getOrDefault(user, Set.of()));
        if (!left.remove(code)) {
            return false;
        }
        recoveryCodes.put(user, Set.copyOf(left));
        return true;
    }

    @Override
    public synchronized int recoveryCodesLeft(UserId user) {
        return recoveryCodes.getOrDefault(user, Set.of()).size();
    }

    @Override
    public synchronized void deleteAllOf(UserId user) {
        credentials.remove(user);
        recoveryCodes.remove(user);
    }

    @Override
    public synchronized Runnable snapshot() {
        Runnable restoreCredentials = Snapshots.of(this, credentials);
        Runnable restoreCodes = Snapshots.of(this, recoveryCodes);
        return () -> {
            restoreCredentials.run();
            restoreCodes.run();
        };
    }
}
