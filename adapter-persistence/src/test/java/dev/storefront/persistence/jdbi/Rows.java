package dev.storefront.persistence.jdbi;

/**
 * Plain rows for tests of repositories whose tables refer to users, sessions, products and orders,
 * in SQL every engine runs; the engine modules' suites share them through this module's test-jar.
 */
public final class Rows {
    private Rows() {}

    public static long insertUser(Database database, long n) {
        return database.withHandle(h -> h.createUpdate("INSERT INTO user_account (username, username_key, email,"
                        + " password_hash, role, created_at) VALUES (:name, :name, :email, 'x', 'CUSTOMER', 0)")
                .bind("name", "user" + n).bind("email", "user" + n + "@example.com")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public static long insertProduct(Database database, long n) {
        return database.withHandle(h -> h.createUpdate("INSERT INTO product (sku, name, category,"
                        + " price_minor, stock, created_at, search_text) VALUES (:sku, 'P', 'C', 100, 10, 0, 'p')")
                .bind("sku", "SKU-" + n)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** A guest session; returns its handle. */
    public static String insertGuestSession(Database database, long n) {
        String handle = "guest-handle-" + n + "-abcdefgh";
        database.withHandle(h -> h.createUpdate("INSERT INTO user_session (token_hash, handle, created_at,"
                        + " last_seen_at, expires_at) VALUES (:hash, :handle, 0, 0, 1)")
                .bind("hash", String.format("%064d", n)).bind("handle", handle).execute());
        return handle;
    }

    public static long insertOrder(Database database, long userId) {
        return database.withHandle(h -> h.createUpdate("INSERT INTO orders (user_id, status, created_at,"
                        + " updated_at) VALUES (:userId, 'PENDING', 0, 0)")
                .bind("userId", userId)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }
}
