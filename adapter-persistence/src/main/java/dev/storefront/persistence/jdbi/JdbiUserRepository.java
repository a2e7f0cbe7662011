package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.NewUser;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.user.Role;
import dev.storefront.domain.user.SecondFactors;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UserId;
import dev.storefront.domain.user.Username;
import dev.storefront.domain.user.UsernameOrEmailTaken;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.Update;

/**
 * Users in table {@code user_account}; joins the calling thread's transaction. An erased user is a
 * tombstone row ({@code deleted_at} set, see {@link #erase}) that no statement here reads or writes.
 */
public final class JdbiUserRepository implements UserRepository {
    private static final String COLUMNS =
            "id, username, email, password_hash, role, created_at, last_login_at, email_verified, pending_email,"
            + " totp_enabled, passkey_count";
    /** Every field a cached session is trusted for, compared with the row (null-safe for the pending email). */
    private static final String TRUSTED_FIELDS_AS_GIVEN = "username = :username AND email = :email"
            + " AND password_hash = :passwordHash AND role = :role AND email_verified = :emailVerified"
            + " AND pending_email IS NOT DISTINCT FROM :pendingEmail AND totp_enabled = :totpEnabled"
            + " AND passkey_count = :passkeyCount";
    /** Only live users: a tombstone's fields are no valid {@link Username} or {@link Email}. */
    private static final String LIVE = "deleted_at IS NULL";
    /** What a tombstone's name and email start with: a colon is valid in neither, so it never clashes. */
    static final String TOMBSTONE_PREFIX = "deleted:";
    /** No bcrypt hash (those start with "$2"): no password verifies against it. */
    private static final String NEVER_VERIFIES = "!erased";

    private final Database database;
    private final SessionCache sessions;

    /** @param sessions the session cache whose entries carry this repository's users */
    public JdbiUserRepository(Database database, SessionCache sessions) {
        this.database = Objects.requireNonNull(database, "database");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    record UserRow(long id, String username, String email, String passwordHash, String role, long createdAt,
                   Long lastLoginAt, boolean emailVerified, String pendingEmail, boolean totpEnabled,
                   int passkeyCount) {
        /** The user's columns as a join names them: each prefixed with {@code prefix}. */
        static String columns(String table, String prefix) {
            StringBuilder list = new StringBuilder();
            for (String column : COLUMNS.split(",")) {
                String name = column.strip();
                list.append(list.length() == 0 ? "" : ", ").append(table).append('.').append(name)
                        .append(" AS ").append(prefix).append(name);
            }
            return list.toString();
        }

        /** Reads the row's columns, each name prefixed with {@code prefix} (for joins). */
        static UserRow read(ResultSet rs, String prefix) throws SQLException {
            return new UserRow(rs.getLong(prefix + "id"), rs.getString(prefix + "username"),
                    rs.getString(prefix + "email"), rs.getString(prefix + "password_hash"),
                    rs.getString(prefix + "role"), rs.getLong(prefix + "created_at"),
                    Columns.nullableLong(rs, prefix + "last_login_at"), rs.getInt(prefix + "email_verified") == 1,
                    rs.getString(prefix + "pending_email"), rs.getInt(prefix + "totp_enabled") == 1,
                    rs.getInt(prefix + "passkey_count"));
        }

        User toUser() {
            return User.restore(new UserId(id), new Username(username), new Email(email),
                    new PasswordHash(passwordHash), Role.valueOf(role), Instant.ofEpochMilli(createdAt),
                    lastLoginAt == null ? null : Instant.ofEpochMilli(lastLoginAt), emailVerified,
                    pendingEmail == null ? null : new Email(pendingEmail),
                    new SecondFactors(totpEnabled, passkeyCount));
        }
    }

    @Override
    public User add(NewUser user) {
        return database.withHandle(h -> {
            long id = uniqueNameAndEmail(() -> h.createUpdate("INSERT INTO user_account (username, username_key, email, password_hash, role,"
                            + " created_at) VALUES (:username, :usernameKey, :email, :passwordHash, :role, :createdAt)")
                    .bind("username", user.username().value())
                    .bind("usernameKey", user.username().key())
                    .bind("email", user.email().value())
                    .bind("passwordHash", user.passwordHash().encoded())
                    .bind("role", user.role().name())
                    .bind("createdAt", user.createdAt().toEpochMilli())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class).one());
            return User.registered(new UserId(id), user);
        });
    }

    @Override
    public Optional<User> findById(UserId id) {
        return findOne("id = :value", id.value());
    }

    @Override
    public Optional<User> findByIdForUpdate(UserId id) {
        // A row lock where readers do not block writers; SQLite's single writer needs none.
        return findOne("id = :value" + database.dialect().forUpdate(), id.value());
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return findOne("username_key = :value", username.key());
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return findOne("email = :value", email.value());
    }

    /**
     * Writes the user in two steps: first only the last-login time, where every field a cached
     * session is trusted for (all but the last-login time) is as given — what a login writes; if
     * some differ, the whole row, and only then are other processes told (V8's trigger on SQLite
     * fires on exactly those fields). Each step compares with the row as committed when it runs.
     * This process's cached sessions of the user are dropped either way: they carry the login time.
     */
    @Override
    public void update(User user) {
        boolean trustedFieldsChanged = database.changes().write(ChangeFeed.Topic.ACCOUNTS, () -> database.withHandle(h -> {
            int unchanged = bindFields(h.createUpdate("UPDATE user_account SET last_login_at = :lastLoginAt"
                            + " WHERE id = :id AND " + LIVE + " AND " + TRUSTED_FIELDS_AS_GIVEN), user)
                    .execute();
            if (unchanged == 1) {
                return false;
            }
            int rows = uniqueNameAndEmail(() -> bindFields(h.createUpdate("UPDATE user_account SET"
                            + " username = :username, username_key = :usernameKey, email = :email,"
                            + " password_hash = :passwordHash, role = :role, last_login_at = :lastLoginAt,"
                            + " email_verified = :emailVerified, pending_email = :pendingEmail,"
                            + " totp_enabled = :totpEnabled, passkey_count = :passkeyCount WHERE id = :id AND " + LIVE), user)
                    .bind("usernameKey", user.username().key())
                    .execute());
            if (rows != 1) {
                throw new IllegalStateException("no user " + user.id());
            }
            return true;
        }));
        // Cached sessions carry their user: after the commit, the next lookup reads the user again.
        database.afterCommit(() -> sessions.forgetUser(user.id()));
        if (trustedFieldsChanged) {
            database.changes().publish(ChangeFeed.Topic.ACCOUNTS, SessionCache.userKey(user.id()));
        }
    }

    /**
     * Turns the row into a tombstone in place (the user's orders refer to it): the name, name key and
     * email become {@code deleted:<id>}, unique like the id and never a valid name or email, so the
     * real ones are free at once; the hash one that never verifies; the login time, verification,
     * pending email and second factors cleared; the role a customer's. Told like a user change.
     */
    @Override
    public boolean erase(UserId id, Instant erasedAt) {
        String tombstone = TOMBSTONE_PREFIX + id.value();
        boolean erased = database.changes().write(ChangeFeed.Topic.ACCOUNTS, () -> database.withHandle(h ->
                h.createUpdate("UPDATE user_account SET username = :tombstone, username_key = :tombstone,"
                                + " email = :tombstone, password_hash = :neverVerifies, role = 'CUSTOMER',"
                                + " last_login_at = NULL, email_verified = 0, pending_email = NULL, totp_enabled = 0,"
                                + " passkey_count = 0, deleted_at = :erasedAt WHERE id = :id AND " + LIVE)
                        .bind("tombstone", tombstone)
                        .bind("neverVerifies", NEVER_VERIFIES)
                        .bind("erasedAt", erasedAt.toEpochMilli())
                        .bind("id", id.value())
                        .execute() == 1));
        if (erased) {
            database.afterCommit(() -> sessions.forgetUser(id));
            database.changes().publish(ChangeFeed.Topic.ACCOUNTS, SessionCache.userKey(id));
        }
        return erased;
    }

    /**
     * Writes first and lets the UNIQUE constraints decide: a check before the write would race with
     * a concurrent writer on an engine that runs writers at once, and the loser would get a 500.
     * The constraint names one column; when it is both, the first one the engine checked is reported.
     */
    private <T> T uniqueNameAndEmail(Supplier<T> write) {
        try {
            return write.get();
        } catch (StatementException e) {
            if (!database.dialect().isUniqueViolation(e)) {
                throw e;
            }
            boolean nameTaken = database.dialect().isUniqueViolationOf(e, "user_account", "username_key");
            boolean emailTaken = database.dialect().isUniqueViolationOf(e, "user_account", "email");
            throw new UsernameOrEmailTaken(nameTaken || !emailTaken, emailTaken);
        }
    }

    private static Update bindFields(Update update, User user) {
        return update.bind("id", user.id().value())
                .bind("username", user.username().value())
                .bind("email", user.email().value())
                .bind("passwordHash", user.passwordHash().encoded())
                .bind("role", user.role().name())
                .bind("lastLoginAt", user.lastLogin().map(Instant::toEpochMilli).orElse(null))
                .bind("emailVerified", user.emailVerified() ? 1 : 0)
                .bind("pendingEmail", user.pendingEmailChange().map(Email::value).orElse(null))
                .bind("totpEnabled", user.secondFactors().totp() ? 1 : 0)
                .bind("passkeyCount", user.secondFactors().passkeys());
    }

    private Optional<User> findOne(String condition, Object value) {
        return database.withHandle(h -> {
            Query query = h.createQuery("SELECT " + COLUMNS + " FROM user_account WHERE " + LIVE + " AND " + condition);
            return query.bind("value", value)
                    .map((rs, ctx) -> UserRow.read(rs, ""))
                    .findOne()
                    .map(UserRow::toUser);
        });
    }
}
