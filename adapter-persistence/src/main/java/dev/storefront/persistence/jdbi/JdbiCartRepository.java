package dev.storefront.persistence.jdbi;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartLine;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.Quantity;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.port.out.CartRepository;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/** Carts in {@code cart_line}, keyed by user id or by guest session handle. */
public final class JdbiCartRepository implements CartRepository {
    private final Database database;

    public JdbiCartRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The SQL condition and binding that select one owner's lines: fixed text, bound value. */
    private static String ownerCondition(CartOwner owner) {
        return owner instanceof CartOwner.User ? "user_id = :owner" : "guest_session = :owner";
    }

    private static <S extends SqlStatement<S>> S bindOwner(S statement, CartOwner owner) {
        if (owner instanceof CartOwner.User user) {
            return statement.bind("owner", user.userId().value());
        }
        return statement.bind("owner", ((CartOwner.Guest) owner).session().value());
    }

    @Override
    public Cart load(CartOwner owner) {
        Objects.requireNonNull(owner, "owner");
        List<CartLine> lines = database.withHandle(h -> bindOwner(h.createQuery(
                        "SELECT product_id, quantity, added_at FROM cart_line WHERE " + ownerCondition(owner)
                                + " ORDER BY position"), owner)
                .map((rs, ctx) -> new CartLine(new ProductId(rs.getLong("product_id")),
                        new Quantity(rs.getInt("quantity")), Instant.ofEpochMilli(rs.getLong("added_at"))))
                .list());
        return Cart.restore(lines);
    }

    @Override
    public void save(CartOwner owner, Cart cart) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(cart, "cart");
        database.transactions().inTransaction(() -> database.withHandle(h -> {
            deleteLines(h, owner);
            int position = 0;
            for (CartLine line : cart.lines()) {
                h.createUpdate("INSERT INTO cart_line (user_id, guest_session, product_id, quantity,"
                                + " added_at, position) VALUES (:userId, :guest, :productId, :quantity, :addedAt, :position)")
                        .bind("userId", owner instanceof CartOwner.User user ? user.userId().value() : null)
                        .bind("guest", owner instanceof CartOwner.Guest guest ? guest.session().value() : null)
                        .bind("productId", line.productId().value())
                        .bind("quantity", line.quantity().value())
                        .bind("addedAt", line.addedAt().toEpochMilli())
                        .bind("position", position++)
                        .execute();
            }
            return null;
        }));
    }

    /**
     * One statement: the line's new quantity if the owner has the product (its place and time added
     * stay), otherwise a new line after the owner's last. The conflict target names the partial
     * unique index of the owner's kind, which SQLite needs to match it.
     */
    @Override
    public void saveLine(CartOwner owner, CartLine line) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(line, "line");
        String ownerColumn = owner instanceof CartOwner.User ? "user_id" : "guest_session";
        database.withHandle(h -> bindOwner(h.createUpdate("INSERT INTO cart_line (" + ownerColumn + ", product_id,"
                        + " quantity, added_at, position) VALUES (:owner, :productId, :quantity, :addedAt,"
                        + " (SELECT COALESCE(MAX(position) + 1, 0) FROM cart_line WHERE " + ownerCondition(owner) + "))"
                        + " ON CONFLICT (" + ownerColumn + ", product_id) WHERE " + ownerColumn + " IS NOT NULL"
                        + " DO UPDATE SET quantity = excluded.quantity"), owner)
                .bind("productId", line.productId().value())
                .bind("quantity", line.quantity().value())
                .bind("addedAt", line.addedAt().toEpochMilli())
                .execute());
    }

    @Override
    public void removeLine(CartOwner owner, ProductId productId) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(productId, "productId");
        database.withHandle(h -> bindOwner(h.createUpdate("DELETE FROM cart_line WHERE " + ownerCondition(owner)
                        + " AND product_id = :productId"), owner)
                .bind("productId", productId.value())
                .execute());
    }

    @Override
    public void delete(CartOwner owner) {
        Objects.requireNonNull(owner, "owner");
        database.withHandle(h -> deleteLines(h, owner));
    }

    private static int deleteLines(Handle handle, CartOwner owner) {
        return bindOwner(handle.createUpdate("DELETE FROM cart_line WHERE " + ownerCondition(owner)), owner).execute();
    }
}
