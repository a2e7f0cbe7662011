package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.TotpRepository;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.TotpCredential;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * TOTP credentials in {@code totp_credential} and recovery-code digests in {@code recovery_code};
 * joins the thread's transaction. A code is used by a conditional write whose row count decides:
 * on SQLite the single writer orders the two, on PostgreSQL the second waits for the first's row
 * lock and, re-checking its condition after the commit, changes nothing.
 */
public final class JdbiTotpRepository implements TotpRepository {
    interface Statements {
        @SqlUpdate("INSERT INTO totp_credential (user_id, sealed_secret, confirmed, last_used_step, created_at)"
                + " VALUES (:user, :sealed, 0, 0, :at) ON CONFLICT (user_id) DO UPDATE SET"
                + " sealed_secret = excluded.sealed_secret, confirmed = 0, last_used_step = 0,"
                + " created_at = excluded.created_at")
        void savePending(@Bind("user") long user, @Bind("sealed") String sealed, @Bind("at") long at);

        @SqlUpdate("UPDATE totp_credential SET confirmed = 1 WHERE user_id = :user")
        int confirm(@Bind("user") long user);

        @SqlUpdate("UPDATE totp_credential SET last_used_step = :step WHERE user_id = :user AND last_used_step < :step")
        int useStep(@Bind("user") long user, @Bind("step") long step);

        @SqlUpdate("DELETE FROM recovery_code WHERE user_id = :user")
        int deleteRecoveryCodes(@Bind("user") long user);

        @SqlUpdate("INSERT INTO recovery_code (user_id, code_hash) VALUES (:user, :hash)")
        void addRecoveryCode(@Bind("user") long user, @Bind("hash") String hash);

        @SqlUpdate("DELETE FROM recovery_code WHERE user_id = :user AND code_hash = :hash")
        int useRecoveryCode(@Bind("user") long user, @Bind("hash") String hash);

        @SqlQuery("SELECT COUNT(*) FROM recovery_code WHERE user_id = :user")
        int recoveryCodesLeft(@Bind("user") long user);

        @SqlUpdate("DELETE FROM totp_credential WHERE user_id = :user")
        int deleteCredential(@Bind("user") long user);
    }

    private final Database database;

    public JdbiTotpRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    private <T> T sql(Function<Statements, T> statement) {
        return database.withHandle(h -> statement.apply(h.attach(Statements.class)));
    }

    @Override
    public void savePending(UserId user, String sealedSecret, Instant at) {
        sql(s -> {
            s.savePending(user.value(), sealedSecret, at.toEpochMilli());
            return null;
        });
    }

    @Override
    public Optional<TotpCredential> find(UserId user) {
        return database.withHandle(h -> h.createQuery("SELECT sealed_secret, confirmed, last_used_step"
                        + " FROM totp_credential WHERE user_id = :user")
                .bind("user", user.value())
                .map((rs, ctx) -> new TotpCredential(user, rs.getString("sealed_secret"), rs.getInt("confirmed") != 0,
                        rs.getLong("last_used_step")))
                .findOne());
    }

    @Override
    public boolean confirm(UserId user) {
        return sql(s -> s.confirm(user.value())) > 0;
    }

    @Override
    public boolean useStep(UserId user, long step) {
        return sql(s -> s.useStep(user.value(), step)) > 0;
    }

    @Override
    public void replaceRecoveryCodes(UserId user, List<TokenDigest> codes) {
        sql(s -> {
            s.deleteRecoveryCodes(user.value());
            codes.forEach(code -> s.addRecoveryCode(user.value(), code.hex()));
            return null;
        });
    }

    @Override
    public boolean useRecoveryCode(UserId user, TokenDigest code) {
        return sql(s -> s.useRecoveryCode(user.value(), code.hex())) > 0;
    }

    @Override
    public int recoveryCodesLeft(UserId user) {
        return sql(s -> s.recoveryCodesLeft(user.value()));
    }

    @Override
    public void deleteAllOf(UserId user) {
        sql(s -> s.deleteRecoveryCodes(user.value()) + s.deleteCredential(user.value()));
    }
}
