package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.NewUser;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.user.Role;
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

/** Users in table {@code user_account}; joins the calling thread's transaction. */
public final class JdbiUserRepository implements UserRepository {
    private static final String COLUMNS =
            "id, username, email, password_hash, role, created_at, last_login_at";

    private final Database database;
    private final SessionCache sessions;

    /** @param sessions the session cache whose entries carry this repository's users */
    public JdbiUserRepository(Database database, SessionCache sessions) {
        this.database = Objects.requireNonNull(database, "database");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    record UserRow(long id, String username, String email, String passwordHash, String role, long createdAt,
                   Long lastLoginAt) {
        /** Reads the row's columns, each name prefixed with {@code prefix} (for joins). */
        static UserRow read(ResultSet rs, String prefix) throws SQLException {
            return new UserRow(rs.getLong(prefix + "id"), rs.getString(prefix + "username"),
                    rs.getString(prefix + "email"), rs.getString(prefix + "password_hash"),
                    rs.getString(prefix + "role"), rs.getLong(prefix + "created_at"),
                    Columns.nullableLong(rs, prefix + "last_login_at"));
        }

        User toUser() {
            return User.restore(new UserId(id), new Username(username), new Email(email),
                    new PasswordHash(passwordHash), Role.valueOf(role), Instant.ofEpochMilli(createdAt),
                    lastLoginAt == null ? null : Instant.ofEpochMilli(lastLoginAt));
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
            return User.restore(new UserId(id), user.username(), user.email(), user.passwordHash(), user.role(),
                    user.createdAt(), null);
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
     * session is trusted for (name, email, password, role) is as given — what a login writes; if
     * some differ, the whole row, and only then are other processes told (V8's trigger on SQLite
     * fires on exactly those fields). Each step compares with the row as committed when it runs.
     * This process's cached sessions of the user are dropped either way: they carry the login time.
     */
    @Override
    public void update(User user) {
        boolean trustedFieldsChanged = database.changes().write(ChangeFeed.Topic.ACCOUNTS, () -> database.withHandle(h -> {
            int unchanged = h.createUpdate("UPDATE user_account SET last_login_at = :lastLoginAt WHERE id = :id"
                            + " AND username = :username AND email = :email AND password_hash = :passwordHash"
                            + " AND role = :role")
                    .bind("id", user.id().value())
                    .bind("username", user.username().value())
                    .bind("email", user.email().value())
                    .bind("passwordHash", user.passwordHash().encoded())
                    .bind("role", user.role().name())
                    .bind("lastLoginAt", user.lastLogin().map(Instant::toEpochMilli).orElse(null))
                    .execute();
            if (unchanged == 1) {
                return false;
            }
            int rows = uniqueNameAndEmail(() -> h.createUpdate("UPDATE user_account SET username = :username, username_key = :usernameKey,"
                            + " email = :email, password_hash = :passwordHash, role = :role,"
                            + " last_login_at = :lastLoginAt WHERE id = :id")
                    .bind("id", user.id().value())
                    .bind("username", user.username().value())
                    .bind("usernameKey", user.username().key())
                    .bind("email", user.email().value())
                    .bind("passwordHash", user.passwordHash().encoded())
                    .bind("role", user.role().name())
                    .bind("lastLoginAt", user.lastLogin().map(Instant::toEpochMilli).orElse(null))
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

    private Optional<User> findOne(String condition, Object value) {
        return database.withHandle(h -> {
            Query query = h.createQuery("SELECT " + COLUMNS + " FROM user_account WHERE " + condition);
            return query.bind("value", value)
                    .map((rs, ctx) -> UserRow.read(rs, ""))
                    .findOne()
                    .map(UserRow::toUser);
        });
    }
}
