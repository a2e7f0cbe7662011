package dev.storefront.persistence.jdbi;

import dev.storefront.persistence.sqlite.SqliteDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartLine;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.Quantity;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.port.out.CartRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.contract.CartRepositoryContract;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.user.UserId;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cart contract on real SQLite; owners and products are inserted as plain rows. */
class JdbiCartRepositoryIT extends CartRepositoryContract {
    @TempDir
    Path directory;
    private SqliteDatabase database;
    private JdbiCartRepository repository;
    private final AtomicLong counter = new AtomicLong();

    @BeforeEach
    void freshDatabase() {
        database = SqliteDatabase.open("jdbc:sqlite:" + directory.resolve("cart.db"));
        repository = new JdbiCartRepository(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected CartRepository repository() {
        return repository;
    }

    @Override
    protected Transactions transactions() {
        return database.transactions();
    }

    @Override
    protected CartOwner newUser() {
        return CartOwner.user(new UserId(Rows.insertUser(database, counter.incrementAndGet())));
    }

    @Override
    protected CartOwner newGuest() {
        return CartOwner.guest(new SessionHandle(Rows.insertGuestSession(database, counter.incrementAndGet())));
    }

    @Override
    protected ProductId newProduct() {
        return new ProductId(Rows.insertProduct(database, counter.incrementAndGet()));
    }

    @Test
    void aGuestCartGoesWithItsSession() {
        CartOwner guest = newGuest();
        ProductId product = newProduct();
        transactions().inTransaction(() -> repository.save(guest, Cart.restore(List.of(
                new CartLine(product, new Quantity(2), T0)))));
        String handle = ((CartOwner.Guest) guest).session().value();
        database.withHandle(h -> h.createUpdate("DELETE FROM user_session WHERE handle = :handle")
                .bind("handle", handle).execute());
        assertTrue(repository.load(guest).isEmpty(), "ON DELETE CASCADE removed the guest's lines");
    }

    @Test
    void aSweptGuestSessionTakesItsCartLinesWithIt() {
        CartOwner guest = newGuest();
        CartOwner other = newGuest();
        ProductId product = newProduct();
        transactions().inTransaction(() -> {
            repository.save(guest, Cart.restore(List.of(new CartLine(product, new Quantity(2), T0))));
            repository.save(other, Cart.restore(List.of(new CartLine(product, new Quantity(1), T0))));
        });
        // Both sessions ended in 1970; a batch of one takes one session and its lines, nothing more.
        int swept = transactions().inTransaction(() -> new JdbiSessionRepository(database, new SessionCache(database)).deleteExpired(T0, T0, 1));
        assertEquals(1, swept);
        int linesLeft = database.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM cart_line")
                .mapTo(Integer.class).one());
        assertEquals(1, linesLeft);
    }

    @Test
    void aUsersCartSurvivesReopeningTheDatabase() {
        CartOwner user = newUser();
        ProductId product = newProduct();
        transactions().inTransaction(() -> repository.save(user, Cart.restore(List.of(
                new CartLine(product, new Quantity(3), T0)))));
        database.close();
        database = SqliteDatabase.open("jdbc:sqlite:" + directory.resolve("cart.db"));
        assertEquals(3, new JdbiCartRepository(database).load(user).itemCount());
    }
}
