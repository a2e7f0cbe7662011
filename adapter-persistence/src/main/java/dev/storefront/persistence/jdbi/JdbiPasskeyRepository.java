package dev.storefront.persistence.jdbi;

import dev.storefront.domain.passkey.NewPasskey;
import dev.storefront.domain.passkey.Passkey;
import dev.storefront.domain.passkey.PasskeyAlreadyRegistered;
import dev.storefront.domain.passkey.PasskeyId;
import dev.storefront.domain.port.out.PasskeyRepository;
import dev.storefront.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementException;

/** Passkeys in table {@code passkey}, user handles in {@code passkey_user_handle}; joins the thread's transaction. */
public final class JdbiPasskeyRepository implements PasskeyRepository {
    private static final String COLUMNS = "id, user_id, credential_id, credential_data, sign_count, name,"
            + " created_at, last_used_at";
    private final Database database;

    public JdbiPasskeyRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    private static Passkey passkey(ResultSet rs) throws SQLException {
        Number lastUsed = (Number) rs.getObject("last_used_at"); // null until the first login with it
        return new Passkey(new PasskeyId(rs.getLong("id")), new UserId(rs.getLong("user_id")),
                rs.getString("credential_id"), rs.getString("credential_data"), rs.getLong("sign_count"),
                rs.getString("name"), Instant.ofEpochMilli(rs.getLong("created_at")),
                lastUsed == null ? null : Instant.ofEpochMilli(lastUsed.longValue()));
    }

    @Override
    public Passkey add(NewPasskey passkey) {
        try {
            // The UNIQUE constraint decides, not a check before: two registrations of one credential may race.
            return database.withHandle(h -> h.createQuery("INSERT INTO passkey (user_id, credential_id,"
                            + " credential_data, sign_count, name, created_at) VALUES (:userId, :credentialId,"
                            + " :credentialData, :signCount, :name, :createdAt) RETURNING " + COLUMNS)
                    .bind("userId", passkey.userId().value())
                    .bind("credentialId", passkey.credentialId())
                    .bind("credentialData", passkey.credentialData())
                    .bind("signCount", passkey.signCount())
                    .bind("name", passkey.name())
                    .bind("createdAt", passkey.createdAt().toEpochMilli())
                    .map((rs, ctx) -> passkey(rs))
                    .one());
        } catch (StatementException e) {
            if (database.dialect().isUniqueViolationOf(e, "passkey", "credential_id")) {
                throw new PasskeyAlreadyRegistered();
            }
            throw e;
        }
    }

    @Override
    public List<Passkey> findByUser(UserId userId) {
        return database.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM passkey WHERE user_id = :userId"
                        + " ORDER BY id")
                .bind("userId", userId.value())
                .map((rs, ctx) -> passkey(rs))
                .list());
    }

    @Override
    public Optional<Passkey> findByCredentialId(String credentialId) {
        return database.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM passkey"
                        + " WHERE credential_id = :credentialId")
                .bind("credentialId", credentialId)
                .map((rs, ctx) -> passkey(rs))
                .findOne());
    }

    @Override
    public boolean delete(UserId userId, PasskeyId id) {
        return database.withHandle(h -> h.createUpdate("DELETE FROM passkey WHERE id = :id AND user_id = :userId")
                .bind("id", id.value())
                .bind("userId", userId.value())
                .execute()) > 0;
    }

    @Override
    public boolean recordUse(PasskeyId id, long expectedCount, long newCount, Instant at) {
        return database.withHandle(h -> h.createUpdate("UPDATE passkey SET sign_count = :newCount,"
                        + " last_used_at = :at WHERE id = :id AND sign_count = :expectedCount")
                .bind("id", id.value())
                .bind("expectedCount", expectedCount)
                .bind("newCount", newCount)
                .bind("at", at.toEpochMilli())
                .execute()) > 0;
    }

    @Override
    public String userHandle(UserId userId, String candidate) {
        return database.withHandle(h -> {
            h.createUpdate("INSERT INTO passkey_user_handle (user_id, handle) VALUES (:userId, :handle)"
                            + " ON CONFLICT (user_id) DO NOTHING")
                    .bind("userId", userId.value())
                    .bind("handle", candidate)
                    .execute();
            return h.createQuery("SELECT handle FROM passkey_user_handle WHERE user_id = :userId")
                    .bind("userId", userId.value())
                    .mapTo(String.class)
                    .one();
        });
    }

    @Override
    public Optional<UserId> findUserByHandle(String handle) {
        return database.withHandle(h -> h.createQuery("SELECT user_id FROM passkey_user_handle WHERE handle = :handle")
                .bind("handle", handle)
                .mapTo(Long.class)
                .findOne()
                .map(UserId::new));
    }

    @Override
    public int deleteAllOf(UserId userId) {
        return database.withHandle(h -> {
            h.createUpdate("DELETE FROM passkey_user_handle WHERE user_id = :userId")
                    .bind("userId", userId.value())
                    .execute();
            return h.createUpdate("DELETE FROM passkey WHERE user_id = :userId")
                    .bind("userId", userId.value())
                    .execute();
        });
    }
}
