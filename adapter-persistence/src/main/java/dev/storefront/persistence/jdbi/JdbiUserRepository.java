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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

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
            requireUnique(h, 0, user.username(), user.email());
            long id = h.createUpdate("INSERT INTO user_account (username, username_key, email, password_hash, role,"
                            + " created_at) VALUES (:username, :usernameKey, :email, :passwordHash, :role, :createdAt)")
                    .bind("username", user.username().value())
                    .bind("usernameKey", user.username().key())
                    .bind("email", user.email().value())
                    .bind("passwordHash", user.passwordHash().encoded())
                    .bind("role", user.role().name())
                    .bind("createdAt", user.createdAt().toEpochMilli())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class).one();
            return User.restore(new UserId(id), user.username(), user.email(), user.passwordHash(), user.role(),
                    user.createdAt(), null);
        });
    }

    @Override
    public Optional<User> findById(UserId id) {
        return findOne("id = :value", id.value());
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return findOne("username_key = :value", username.key());
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return findOne("email = :value", email.value());
    }

    @Override
    public void update(User user) {
        database.withHandle(h -> {
            requireUnique(h, user.id().value(), user.username(), user.email());
            int rows = h.createUpdate("UPDATE user_account SET username = :username, username_key = :usernameKey,"
                            + " email = :email, password_hash = :passwordHash, role = :role,"
                            + " last_login_at = :lastLoginAt WHERE id = :id")
                    .bind("id", user.id().value())
                    .bind("username", user.username().value())
                    .bind("usernameKey", user.username().key())
                    .bind("email", user.email().value())
                    .bind("passwordHash", user.passwordHash().encoded())
                    .bind("role", user.role().name())
                    .bind("lastLoginAt", user.lastLogin().map(Instant::toEpochMilli).orElse(null))
                    .execute();
            if (rows != 1) {
                throw new IllegalStateException("no user " + user.id());
            }
            return null;
        });
        // Cached sessions carry their user: after the commit, the next lookup reads the user again.
        database.afterCommit(() -> sessions.forgetUser(user.id()));
        database.changes().publish(ChangeFeed.Topic.ACCOUNTS);
    }

    /** Checked before writing (the UNIQUE constraints remain the last line of defence). */
    private static void requireUnique(Handle h, long self, Username username, Email email) {
        boolean nameTaken = exists(h, "username_key = :value AND id <> :self", username.key(), self);
        boolean emailTaken = exists(h, "email = :value AND id <> :self", email.value(), self);
        if (nameTaken || emailTaken) {
            throw new UsernameOrEmailTaken(nameTaken, emailTaken);
        }
    }

    private static boolean exists(Handle h, String condition, Object value, long self) {
        return h.createQuery("SELECT COUNT(*) FROM user_account WHERE " + condition)
                .bind("value", value).bind("self", self)
                .mapTo(Integer.class).one() > 0;
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
