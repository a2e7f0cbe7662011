package dev.storefront.benchmarks.jmh;

import dev.storefront.benchmarks.Dataset;
import dev.storefront.benchmarks.Seeder;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.CartView;
import dev.storefront.domain.cart.Quantity;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.order.IdempotencyKey;
import dev.storefront.domain.port.in.account.RegisterUserCommand;
import dev.storefront.domain.port.in.cart.AddCartItemCommand;
import dev.storefront.domain.port.in.catalog.ImportCatalogCommand;
import dev.storefront.domain.port.in.order.CheckoutCommand;
import dev.storefront.domain.port.in.order.CheckoutResult;
import dev.storefront.domain.user.UserId;
import dev.storefront.security.BcryptPasswordHasher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The write path of the bench's add-to-cart and checkout scenarios in-process, through the use
 * cases (write transaction, JDBI, SQLite file database in WAL with {@code synchronous=NORMAL}, as
 * the server opens it), on 10,000 products and 1,000 users: one unit of a random in-stock product
 * into a random user's cart; and one order as the checkout scenario places it (two adds, then a
 * checkout with an idempotency key). Run with {@code -t 16} to see the writers contend.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class CartWriteBenchmark {
    private static final int PRODUCTS = 10_000;
    private static final int USERS = 1_000;

    private TempStore store;
    private final List<UserId> users = new ArrayList<>();
    private final AtomicLong keys = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() {
        store = new TempStore(new BcryptPasswordHasher(4));
        store.storefront.catalog().importCatalog().importCatalog(new ImportCatalogCommand(Dataset.rows(PRODUCTS), false));
        for (int i = 0; i < USERS; i++) {
            String name = String.format("bench-w%05d", i);
            users.add(store.storefront.accounts().registerUser().register(new RegisterUserCommand(name, name + "@bench.example",
                    Seeder.PASSWORD, "127.0.0.1")).id());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
    }

    private static ProductId inStockProduct() {
        int id;
        do {
            id = ThreadLocalRandom.current().nextInt(1, PRODUCTS + 1);
        } while (id % 20 == 0);
        return new ProductId(id);
    }

    private CartView add(UserId user) {
        return store.storefront.cart().addItem().addItem(new AddCartItemCommand(CartOwner.user(user), inStockProduct(),
                new Quantity(1)));
    }

    @Benchmark
    public CartView addToCart() {
        return add(users.get(ThreadLocalRandom.current().nextInt(USERS)));
    }

    /** One order of the checkout scenario: three write transactions. */
    @Benchmark
    public CheckoutResult order() {
        // Each thread its own users, as each wrk connection of the scenario has its own.
        UserId user = users.get((int) (Thread.currentThread().getId() * 61 % USERS));
        add(user);
        add(user);
        return store.storefront.orders().checkout().checkout(new CheckoutCommand(user,
                new IdempotencyKey("jmh-" + keys.incrementAndGet())));
    }
}
