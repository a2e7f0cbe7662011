package dev.storefront.inmemory;

import dev.storefront.domain.passkey.NewPasskey;
import dev.storefront.domain.passkey.Passkey;
import dev.storefront.domain.passkey.PasskeyAlreadyRegistered;
import dev.storefront.domain.passkey.PasskeyId;
import dev.storefront.domain.port.out.PasskeyRepository;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Passkeys and user handles in maps; rolls back with {@link InMemoryTransactions}. */
public final class InMemoryPasskeyRepository implements PasskeyRepository, InMemoryTransactions.Participant {
    private final Map<PasskeyId, Passkey> passkeys = new LinkedHashMap<>();
    private final Map<UserId, String> handles = new LinkedHashMap<>();
    private long nextId = 1;

    public InMemoryPasskeyRepository(InMemoryTransactions transactions) {
        transactions.register(this);
    }

    @Override
    public synchronized Passkey add(NewPasskey passkey) {
        if (findByCredentialId(passkey.credentialId()).isPresent()) {
            throw new PasskeyAlreadyRegistered();
        }
        Passkey stored = new Passkey(new PasskeyId(nextId++), passkey.userId(), passkey.credentialId(),
                passkey.credentialData(), passkey.signCount(), passkey.name(), passkey.createdAt(), null);
        passkeys.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized List<Passkey> findByUser(UserId userId) {
        return passkeys.values().stream().filter(p -> p.userId().equals(userId)).toList();
    }

    @Override
    public synchronized Optional<Passkey> findByCredentialId(String credentialId) {
        return passkeys.values().stream().filter(p -> p.credentialId().equals(credentialId)).findFirst();
    }

    @Override
    public synchronized boolean delete(UserId userId, PasskeyId id) {
        Passkey passkey = passkeys.get(id);
        return passkey != null && passkey.userId().equals(userId) && passkeys.remove(id) != null;
    }

    @Override
    public synchronized boolean recordUse(PasskeyId id, long expectedCount, long newCount, Instant at) {
        Passkey p = passkeys.get(id);
        if (p == null || p.signCount() != expectedCount) {
            return false;
        }
        passkeys.put(id, new Passkey(id, p.userId(), p.credentialId(), p.credentialData(), newCount, p.name(),
                p.createdAt(), at));
        return true;
    }

    @Override
    public synchronized String userHandle(UserId userId, String candidate) {
        return handles.computeIfAbsent(userId, id -> candidate);
    }

    @Override
    public synchronized Optional<UserId> findUserByHandle(String handle) {
        return handles.entrySet().stream().filter(e -> e.getValue().equals(handle)).map(Map.Entry::getKey).findFirst();
    }

    @Override
    public synchronized int deleteAllOf(UserId userId) {
        int before = passkeys.size();
        passkeys.values().removeIf(p -> p.userId().equals(userId));
        handles.remove(userId);
        return before - passkeys.size();
    }

    @Override
    public synchronized Runnable snapshot() {
        Runnable passkeysBack = Snapshots.of(this, passkeys);
        Runnable handlesBack = Snapshots.of(this, handles);
        long id = nextId;
        return () -> {
            passkeysBack.run();
            handlesBack.run();
            synchronized (this) {
                nextId = id;
            }
        };
    }
}
