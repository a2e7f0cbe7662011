package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.PasswordResetTokenRepository;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.PasswordResetToken;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Reset tokens in table {@code password_reset_token}, by the SHA-256 of the token; joins the thread's transaction. */
public final class JdbiPasswordResetTokenRepository implements PasswordResetTokenRepository {
    private final Database database;

    public JdbiPasswordResetTokenRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    private static final String USER_BY_EMAIL = "SELECT id FROM user_account WHERE email = :email";

    record ResetTokenRow(String tokenHash, long userId, long createdAt, long expiresAt) {
        PasswordResetToken toToken() {
            return new PasswordResetToken(new TokenDigest(tokenHash), new UserId(userId),
                    Instant.ofEpochMilli(createdAt), Instant.ofEpochMilli(expiresAt));
        }
    }

    @Override
    public void issue(Email email, TokenDigest digest, Instant createdAt, Instant expiresAt, int maxLive) {
        // The same two statements, writing the same pages, whether or not the email is known: for an
        // unknown one the insert stores a decoy (user_id NULL) that the delete removes again (V10).
        database.withHandle(h -> {
            h.createUpdate("INSERT INTO password_reset_token (token_hash, user_id, created_at, expires_at)"
                            + " VALUES (:hash, (" + USER_BY_EMAIL + "), :createdAt, :expiresAt)")
                    .bind("hash", digest.hex())
                    .bind("email", email.value())
                    .bind("createdAt", createdAt.toEpochMilli())
                    .bind("expiresAt", expiresAt.toEpochMilli())
                    .execute();
            return h.createUpdate("DELETE FROM password_reset_token WHERE (user_id IS NULL AND token_hash = :hash)"
                            + " OR (user_id = (" + USER_BY_EMAIL + ") AND token_hash NOT IN (SELECT token_hash"
                            + " FROM password_reset_token WHERE user_id = (" + USER_BY_EMAIL + ")"
                            + " ORDER BY created_at DESC, rowid DESC LIMIT :maxLive))")
                    .bind("hash", digest.hex())
                    .bind("email", email.value())
                    .bind("maxLive", maxLive)
                    .execute();
        });
    }

    @Override
    public Optional<PasswordResetToken> findByDigest(TokenDigest digest) {
        return database.withHandle(h -> h.createQuery("SELECT token_hash, user_id, created_at, expires_at"
                        + " FROM password_reset_token WHERE token_hash = :hash AND user_id IS NOT NULL")
                .bind("hash", digest.hex())
                .map((rs, ctx) -> new ResetTokenRow(rs.getString("token_hash"), rs.getLong("user_id"),
                        rs.getLong("created_at"), rs.getLong("expires_at")))
                .findOne()
                .map(ResetTokenRow::toToken));
    }

    @Override
    public Optional<PasswordResetToken> consume(TokenDigest digest, Instant now) {
        // One statement finds and removes the token: of two racing callers only one gets a row back.
        return database.withHandle(h -> h.createQuery("DELETE FROM password_reset_token"
                        + " WHERE token_hash = :hash AND user_id IS NOT NULL AND expires_at > :now"
                        + " RETURNING token_hash, user_id, created_at, expires_at")
                .bind("hash", digest.hex())
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new ResetTokenRow(rs.getString("token_hash"), rs.getLong("user_id"),
                        rs.getLong("created_at"), rs.getLong("expires_at")))
                .findOne()
                .map(ResetTokenRow::toToken));
    }

    @Override
    public int deleteByUser(UserId userId) {
        return database.withHandle(h -> h.createUpdate("DELETE FROM password_reset_token WHERE user_id = :userId")
                .bind("userId", userId.value())
                .execute());
    }

    @Override
    public int deleteExpired(Instant now) {
        return database.withHandle(h -> h.createUpdate("DELETE FROM password_reset_token WHERE expires_at <= :now")
                .bind("now", now.toEpochMilli())
                .execute());
    }
}
