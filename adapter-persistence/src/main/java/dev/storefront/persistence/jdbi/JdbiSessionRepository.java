package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.session.Session;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.session.SessionWithUser;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Sessions in table {@code user_session}, keyed by the SHA-256 of their id; joins the thread's transaction. */
public final class JdbiSessionRepository implements SessionRepository {
    private static final String COLUMNS =
            "token_hash, handle, user_id, user_agent, created_at, last_seen_at, expires_at, second_factor_pending,"
                    + " guest_token_hash";

    /** The session and its user's columns (prefixed {@code u_}, all null for a guest) in one statement. */
    private static final String SESSION_WITH_USER = "SELECT s.token_hash, s.handle, s.user_id, s.user_agent,"
            + " s.created_at, s.last_seen_at, s.expires_at, s.second_factor_pending, s.guest_token_hash, "
            + JdbiUserRepository.UserRow.columns("u", "u_")
            + " FROM user_session s LEFT JOIN user_account u ON u.id = s.user_id AND u.deleted_at IS NULL"
            + " WHERE s.token_hash = :hash"; // an erased user's session (none should survive) is no session

    private final Database database;
    private final SessionCache cache;

    /** @param cache the cache of sessions with their users, shared with the {@link JdbiUserRepository} */
    public JdbiSessionRepository(Database database, SessionCache cache) {
        this.database = Objects.requireNonNull(database, "database");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    record SessionRow(String tokenHash, String handle, Long userId, String userAgent, long createdAt,
                      long lastSeenAt, long expiresAt, boolean secondFactorPending, String guestTokenHash) {
        static SessionRow read(ResultSet rs) throws SQLException {
            return new SessionRow(rs.getString("token_hash"), rs.getString("handle"),
                    Columns.nullableLong(rs, "user_id"), rs.getString("user_agent"), rs.getLong("created_at"),
                    rs.getLong("last_seen_at"), rs.getLong("expires_at"), rs.getInt("second_factor_pending") != 0,
                    rs.getString("guest_token_hash"));
        }

        Session toSession() {
            return Session.restore(new SessionHandle(handle), new TokenDigest(tokenHash),
                    userId == null ? null : new UserId(userId), userAgent, Instant.ofEpochMilli(createdAt),
                    Instant.ofEpochMilli(lastSeenAt), Instant.ofEpochMilli(expiresAt), secondFactorPending,
                    guestTokenHash == null ? null : new TokenDigest(guestTokenHash));
        }
    }

    @Override
    public void add(Session session) {
        database.withHandle(h -> {
            boolean clash = h.createQuery("SELECT COUNT(*) FROM user_session WHERE token_hash = :hash OR handle = :handle")
                    .bind("hash", session.digest().hex())
                    .bind("handle", session.handle().value())
                    .mapTo(Integer.class).one() > 0;
            if (clash) {
                throw new IllegalStateException("session id or handle already in use");
            }
            return h.createUpdate("INSERT INTO user_session (" + COLUMNS + ") VALUES (:hash, :handle, :userId,"
                            + " :userAgent, :createdAt, :lastSeenAt, :expiresAt, :pending, :guest)")
                    .bind("hash", session.digest().hex())
                    .bind("handle", session.handle().value())
                    .bind("userId", session.user().map(UserId::value).orElse(null))
                    .bind("userAgent", session.userAgent())
                    .bind("createdAt", session.createdAt().toEpochMilli())
                    .bind("lastSeenAt", session.lastSeenAt().toEpochMilli())
                    .bind("expiresAt", session.expiresAt().toEpochMilli())
                    .bind("pending", session.pendingSecondFactor() ? 1 : 0)
                    .bind("guest", session.handedOverGuest().map(TokenDigest::hex).orElse(null))
                    .execute();
        });
    }

    @Override
    public Optional<Session> findByDigest(TokenDigest digest) {
        return database.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM user_session WHERE token_hash = :hash")
                .bind("hash", digest.hex())
                .map((rs, ctx) -> SessionRow.read(rs))
                .findOne()
                .map(SessionRow::toSession));
    }

    @Override
    public Optional<SessionWithUser> findWithUser(TokenDigest digest) {
        // Inside a transaction the database answers: it is that transaction's truth.
        if (database.inWriteTransaction() || !database.nextReadSeesLatestCommits()) {
            return readWithUser(digest);
        }
        return cache.find(digest, () -> readWithUser(digest));
    }

    private Optional<SessionWithUser> readWithUser(TokenDigest digest) {
        return database.withReadHandle(h -> h.createQuery(SESSION_WITH_USER).bind("hash", digest.hex())
                        .map((rs, ctx) -> {
                            SessionRow session = SessionRow.read(rs);
                            rs.getLong("u_id");
                            return new JoinedRow(session, rs.wasNull() ? null : JdbiUserRepository.UserRow.read(rs, "u_"));
                        })
                        .findOne())
                .flatMap(JoinedRow::toSessionWithUser);
    }

    /** @param user null when the session is a guest's or its user is gone */
    private record JoinedRow(SessionRow session, JdbiUserRepository.UserRow user) {
        Optional<SessionWithUser> toSessionWithUser() {
            Session restored = session.toSession();
            if (restored.isGuest()) {
                return Optional.of(new SessionWithUser(restored, Optional.empty()));
            }
            // A user's session whose user is gone is no session.
            return Optional.ofNullable(user).map(u -> new SessionWithUser(restored, Optional.of(u.toUser())));
        }
    }

    @Override
    public List<Session> findByUser(UserId userId) {
        return database.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM user_session WHERE user_id = :userId"
                        + " ORDER BY last_seen_at DESC, created_at DESC")
                .bind("userId", userId.value())
                .map((rs, ctx) -> SessionRow.read(rs))
                .list().stream()
                .map(SessionRow::toSession)
                .toList());
    }

    @Override
    public void touch(TokenDigest digest, Instant lastSeenAt) {
        update("UPDATE user_session SET last_seen_at = :at WHERE token_hash = :hash",
                "at", lastSeenAt.toEpochMilli(), "hash", digest.hex());
        afterCommit(SessionCache.sessionKey(digest), () -> cache.forget(digest));
    }

    @Override
    public boolean delete(TokenDigest digest) {
        int changed = update("DELETE FROM user_session WHERE token_hash = :hash", "hash", digest.hex(), null, null);
        afterCommit(SessionCache.sessionKey(digest), () -> cache.forget(digest));
        return changed > 0;
    }

    @Override
    public boolean deleteByHandle(UserId userId, SessionHandle handle) {
        int changed = update("DELETE FROM user_session WHERE handle = :handle AND user_id = :userId",
                "handle", handle.value(), "userId", userId.value());
        afterCommit(SessionCache.userKey(userId), () -> cache.forgetUser(userId));
        return changed > 0;
    }

    @Override
    public int deleteByUser(UserId userId) {
        int changed = update("DELETE FROM user_session WHERE user_id = :userId", "userId", userId.value(), null, null);
        afterCommit(SessionCache.userKey(userId), () -> cache.forgetUser(userId));
        return changed;
    }

    @Override
    public int deleteByUserExcept(UserId userId, TokenDigest keep) {
        int changed = update("DELETE FROM user_session WHERE user_id = :userId AND token_hash <> :hash",
                "userId", userId.value(), "hash", keep.hex());
        afterCommit(SessionCache.userKey(userId), () -> cache.forgetUser(userId));
        return changed;
    }

    @Override
    public int deleteExpired(Instant now, Instant idleCutoff, int limit) {
        // A guest's cart lines go with its session (ON DELETE CASCADE), in the same batch.
        int changed = database.changes().write(ChangeFeed.Topic.ACCOUNTS, () -> database.withHandle(h -> h.createUpdate(
                        "DELETE FROM user_session WHERE token_hash IN (SELECT token_hash FROM user_session"
                                + " WHERE expires_at <= :now OR last_seen_at <= :cutoff LIMIT :limit)")
                .bind("now", now.toEpochMilli()).bind("cutoff", idleCutoff.toEpochMilli()).bind("limit", limit)
                .execute()));
        if (changed > 0) {
            // Most sweeps (one a minute) find nothing to delete: they must not empty the cache.
            afterCommit(ChangeFeed.ALL, cache::forgetAll);
        }
        return changed;
    }

    /**
     * Runs the cache's removal once the write has committed: after the transaction's COMMIT, or at
     * once when the statement autocommitted, and tells other processes what {@code changeKey} names.
     * Always after the statement, never before: a reader between a removal and the commit could
     * store the row as it was.
     */
    private void afterCommit(String changeKey, Runnable removal) {
        database.afterCommit(removal);
        database.changes().publish(ChangeFeed.Topic.ACCOUNTS, changeKey);
    }

    private int update(String sql, String name1, Object value1, String name2, Object value2) {
        return database.changes().write(ChangeFeed.Topic.ACCOUNTS, () -> database.withHandle(h -> {
            var update = h.createUpdate(sql).bind(name1, value1);
            if (name2 != null) {
                update.bind(name2, value2);
            }
            return update.execute();
        }));
    }
}
