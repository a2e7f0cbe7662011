package dev.storefront.persistence.jdbi;

import dev.storefront.persistence.sqlite.SqliteDatabase;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed statement's exception (which a 500 logs) never carries the values bound to it. */
class StatementMessagesIT {
    @TempDir
    Path directory;

    @Test
    void aConstraintFailureDoesNotRenderBoundValues() {
        try (SqliteDatabase database = SqliteDatabase.open("jdbc:sqlite:" + directory.resolve("m.db"))) {
            String insert = "INSERT INTO user_account (username, username_key, email, password_hash, role, created_at)"
                    + " VALUES (:name, :name, :email, :hash, 'CUSTOMER', 0)";
            database.withHandle(h -> h.createUpdate(insert).bind("name", "alice")
                    .bind("email", "alice@example.com").bind("hash", "$2y$12$secret-hash-value").execute());
            JdbiException failure = assertThrows(JdbiException.class, () -> database.withHandle(h -> h.createUpdate(insert)
                    .bind("name", "alice").bind("email", "alice@example.com").bind("hash", "$2y$12$secret-hash-value")
                    .execute()));
            for (Throwable t = failure; t != null; t = t.getCause()) {
                String message = String.valueOf(t.getMessage());
                assertFalse(message.contains("secret-hash-value"), message);
                assertFalse(message.contains("alice@example.com"), message);
            }
        }
    }
}
