package dev.storefront.persistence.jdbi;

import dev.storefront.persistence.sqlite.SqliteDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.order.NewOrder;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderLine;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.OrderStatistics;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.contract.OrderRepositoryContract;
import dev.storefront.domain.user.UserId;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order contract on real SQLite; users and products are inserted as plain rows. */
class JdbiOrderRepositoryIT extends OrderRepositoryContract {
    @TempDir
    Path directory;
    private SqliteDatabase database;
    private JdbiOrderRepository repository;
    private JdbiOrderStatistics statistics;
    private final AtomicLong counter = new AtomicLong();

    @BeforeEach
    void freshDatabase() {
        database = SqliteDatabase.open("jdbc:sqlite:" + directory.resolve("orders.db"));
        repository = new JdbiOrderRepository(database, USD);
        statistics = new JdbiOrderStatistics(database, USD);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected OrderRepository repository() {
        return repository;
    }

    @Override
    protected OrderStatistics statistics() {
        return statistics;
    }

    @Override
    protected Transactions transactions() {
        return database.transactions();
    }

    @Override
    protected UserId newUser() {
        return new UserId(Rows.insertUser(database, counter.incrementAndGet()));
    }

    @Override
    protected ProductId newProduct() {
        return new ProductId(Rows.insertProduct(database, counter.incrementAndGet()));
    }

    @Test
    void ordersAndTheirLinesSurviveReopeningTheDatabase() {
        UserId user = newUser();
        OrderLine line = new OrderLine(newProduct(), "MUG-1", "Mug", Money.of("8.50", USD), 2);
        Order placed = transactions().inTransaction(() -> repository.add(new NewOrder(user, List.of(line), USD, T0)));
        database.close();
        database = SqliteDatabase.open("jdbc:sqlite:" + directory.resolve("orders.db"));
        assertEquals(placed, new JdbiOrderRepository(database, USD).findById(placed.id()).orElseThrow());
    }

    @Test
    void anOrderInAnotherCurrencyIsRefused() {
        UserId user = newUser();
        Currency eur = Currency.getInstance("EUR");
        OrderLine line = new OrderLine(newProduct(), "MUG-1", "Mug", Money.of("8.50", eur), 2);
        assertThrows(IllegalArgumentException.class,
                () -> repository.add(new NewOrder(user, List.of(line), eur, T0)));
    }

    @Test
    void theHistoryQueryWalksTheUserIndex() {
        List<String> plan = database.withHandle(h -> h.createQuery("EXPLAIN QUERY PLAN SELECT id FROM orders"
                        + " WHERE user_id = 1 ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 0")
                .map((rs, ctx) -> rs.getString("detail")).list());
        assertTrue(plan.stream().anyMatch(line -> line.contains("orders_user_newest")), plan.toString());
        assertTrue(plan.stream().noneMatch(line -> line.contains("TEMP B-TREE")), plan.toString());
    }
}
