package dev.storefront.persistence.jdbi;

/** Plain rows for tests of repositories whose tables refer to users and products. */
final class Rows {
    private Rows() {}

    static long insertUser(Database database, long n) {
        return database.withHandle(h -> h.createUpdate("INSERT INTO user_account (username, username_key, email,"
                        + " password_hash, role, created_at) VALUES (:name, :name, :email, 'x', 'CUSTOMER', 0)")
                .bind("name", "user" + n).bind("email", "user" + n + "@example.com")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    static long insertProduct(Database database, long n) {
        return database.withHandle(h -> h.createUpdate("INSERT INTO product (sku, name, category,"
                        + " price_minor, stock, created_at, search_text) VALUES (:sku, 'P', 'C', 100, 10, 0, 'p')")
                .bind("sku", "SKU-" + n)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }
}
