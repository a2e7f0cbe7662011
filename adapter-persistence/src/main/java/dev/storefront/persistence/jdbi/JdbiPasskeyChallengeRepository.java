package dev.storefront.persistence.jdbi;

import dev.storefront.domain.passkey.ChallengePurpose;
import dev.storefront.domain.passkey.PasskeyChallenge;
import dev.storefront.domain.port.out.PasskeyChallengeRepository;
import dev.storefront.domain.session.SessionHandle;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Passkey challenges in table {@code passkey_challenge}, one per session and purpose; joins the thread's transaction. */
public final class JdbiPasskeyChallengeRepository implements PasskeyChallengeRepository {
    private final Database database;

    public JdbiPasskeyChallengeRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    private static String purpose(ChallengePurpose purpose) {
        return purpose.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void issue(SessionHandle session, ChallengePurpose purpose, PasskeyChallenge challenge, Instant expiresAt) {
        database.withHandle(h -> h.createUpdate("INSERT INTO passkey_challenge (session_handle, purpose, challenge,"
                        + " expires_at) VALUES (:session, :purpose, :challenge, :expiresAt)"
                        + " ON CONFLICT (session_handle, purpose) DO UPDATE SET challenge = excluded.challenge,"
                        + " expires_at = excluded.expires_at")
                .bind("session", session.value())
                .bind("purpose", purpose(purpose))
                .bind("challenge", challenge.value())
                .bind("expiresAt", expiresAt.toEpochMilli())
                .execute());
    }

    @Override
    public Optional<PasskeyChallenge> consume(SessionHandle session, ChallengePurpose purpose, Instant now) {
        // One statement finds and removes it: of two racing callers only one gets the row back.
        return database.withHandle(h -> h.createQuery("DELETE FROM passkey_challenge"
                        + " WHERE session_handle = :session AND purpose = :purpose RETURNING challenge, expires_at")
                .bind("session", session.value())
                .bind("purpose", purpose(purpose))
                .map((rs, ctx) -> rs.getLong("expires_at") > now.toEpochMilli()
                        ? Optional.of(new PasskeyChallenge(rs.getString("challenge"))) : Optional.<PasskeyChallenge>empty())
                .findOne()
                .flatMap(live -> live));
    }

    @Override
    public int deleteExpired(Instant now) {
        return database.withHandle(h -> h.createUpdate("DELETE FROM passkey_challenge WHERE expires_at <= :now")
                .bind("now", now.toEpochMilli())
                .execute());
    }
}
