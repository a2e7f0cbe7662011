package dev.storefront.inmemory;

import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.session.Session;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.session.SessionWithUser;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Sessions in a map keyed by digest; rolls back with {@link InMemoryTransactions}. */
public final class InMemorySessionRepository implements SessionRepository, InMemoryTransactions.Participant {
    private final Map<TokenDigest, Session> sessions = new LinkedHashMap<>();

    private final UserRepository users;

    /** @param users where {@link #findWithUser} finds a session's user */
    public InMemorySessionRepository(InMemoryTransactions transactions, UserRepository users) {
        this.users = Objects.requireNonNull(users, "users");
        transactions.register(this);
    }

    @Override
    public synchronized void add(Session session) {
        if (sessions.containsKey(session.digest())
                || sessions.values().stream().anyMatch(s -> s.handle().equals(session.handle()))) {
            throw new IllegalStateException("session id or handle already in use");
        }
        sessions.put(session.digest(), session);
    }

    @Override
    public synchronized Optional<Session> findByDigest(TokenDigest digest) {
        return Optional.ofNullable(sessions.get(digest));
    }

    @Override
    public Optional<SessionWithUser> findWithUser(TokenDigest digest) {
        return findByDigest(digest).flatMap(session -> session.isGuest()
                ? Optional.of(new SessionWithUser(session, Optional.empty()))
                : users.findById(session.userId()).map(user -> new SessionWithUser(session, Optional.of(user))));
    }

    @Override
    public synchronized List<Session> findByUser(UserId userId) {
        return sessions.values().stream()
                .filter(s -> userId.equals(s.userId()))
                .sorted(Comparator.comparing(Session::lastSeenAt).reversed()
                        .thenComparing(Session::createdAt, Comparator.reverseOrder()))
                .toList();
    }

    @Override
    public synchronized void touch(TokenDigest digest, Instant lastSeenAt) {
        sessions.computeIfPresent(digest, (d, s) -> s.touchedAt(lastSeenAt));
    }

    @Override
    public synchronized boolean delete(TokenDigest digest) {
        return sessions.remove(digest) != null;
    }

    @Override
    public synchronized boolean deleteByHandle(UserId userId, SessionHandle handle) {
        return sessions.values().removeIf(s -> userId.equals(s.userId()) && s.handle().equals(handle));
    }

    @Override
    public synchronized int deleteByUser(UserId userId) {
        int before = sessions.size();
        sessions.values().removeIf(s -> userId.equals(s.userId()));
        return before - sessions.size();
    }

    @Override
    public synchronized int deleteByUserExcept(UserId userId, TokenDigest keep) {
        int before = sessions.size();
        sessions.values().removeIf(s -> userId.equals(s.userId()) && !s.digest().equals(keep));
        return before - sessions.size();
    }

    @Override
    public synchronized int deleteExpired(Instant now, Instant idleCutoff, int limit) {
        int deleted = 0;
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext() && deleted < limit; ) {
            Session s = it.next();
            if (!s.expiresAt().isAfter(now) || !s.lastSeenAt().isAfter(idleCutoff)) {
                it.remove();
                deleted++;
            }
        }
        return deleted;
    }

    /** How many sessions are stored, expired or not (for tests). */
    public synchronized int size() {
        return sessions.size();
    }

    @Override
    public synchronized Runnable snapshot() {
        return Snapshots.of(this, sessions);
    }
}
