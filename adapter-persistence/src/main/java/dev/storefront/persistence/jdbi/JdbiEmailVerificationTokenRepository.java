package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.EmailVerificationTokenRepository;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.EmailVerificationToken;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Verification tokens in table {@code email_verification_token}, one row per user, by the SHA-256
 * of the token; joins the thread's transaction.
 */
public final class JdbiEmailVerificationTokenRepository implements EmailVerificationTokenRepository {
    private final Database database;

    public JdbiEmailVerificationTokenRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void issue(EmailVerificationToken token) {
        // One statement keyed by the user: two issues racing for one user leave one row, the later.
        database.withHandle(h -> h.createUpdate("INSERT INTO email_verification_token"
                        + " (user_id, token_hash, email, created_at, expires_at)"
                        + " VALUES (:userId, :hash, :email, :createdAt, :expiresAt)"
                        + " ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash,"
                        + " email = excluded.email, created_at = excluded.created_at, expires_at = excluded.expires_at")
                .bind("userId", token.userId().value())
                .bind("hash", token.digest().hex())
                .bind("email", token.email().value())
                .bind("createdAt", token.createdAt().toEpochMilli())
                .bind("expiresAt", token.expiresAt().toEpochMilli())
                .execute());
    }

    @Override
    public Optional<EmailVerificationToken> consume(TokenDigest digest, Instant now) {
        // One statement finds and removes the token: of two racing callers only one gets a row back.
        return database.withHandle(h -> h.createQuery("DELETE FROM email_verification_token"
                        + " WHERE token_hash = :hash AND expires_at > :now"
                        + " RETURNING user_id, token_hash, email, created_at, expires_at")
                .bind("hash", digest.hex())
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new EmailVerificationToken(new TokenDigest(rs.getString("token_hash")),
                        new UserId(rs.getLong("user_id")), new Email(rs.getString("email")),
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .findOne());
    }

    @Override
    public int deleteAllOf(UserId userId) {
        return database.withHandle(h -> h.createUpdate("DELETE FROM email_verification_token WHERE user_id = :userId")
                .bind("userId", userId.value())
                .execute());
    }

    @Override
    public int deleteExpired(Instant now) {
        return database.withHandle(h -> h.createUpdate("DELETE FROM email_verification_token WHERE expires_at <= :now")
                .bind("now", now.toEpochMilli())
                .execute());
    }
}
