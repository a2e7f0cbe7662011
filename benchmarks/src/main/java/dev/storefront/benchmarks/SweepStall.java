package dev.storefront.benchmarks;

import dev.storefront.bootstrap.Storefront;
import dev.storefront.bootstrap.StorefrontConfig;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.Quantity;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.port.in.cart.AddCartItemCommand;
import dev.storefront.domain.port.in.cart.SetCartItemQuantityCommand;
import dev.storefront.domain.port.in.account.RegisterUserCommand;
import dev.storefront.domain.port.in.catalog.CreateProductCommand;
import dev.storefront.domain.user.User;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The longest stall a write sees while expired sessions are swept: seeds {@code SESSIONS} expired
 * guest sessions with one cart line each (straight into the database file), then sweeps them
 * while another thread keeps writing one cart line, and prints the sweep's duration and the
 * writes' latencies as {@code key=value} lines.
 *
 * <p>{@code java -cp benchmarks.jar dev.storefront.benchmarks.SweepStall SESSIONS}
 */
public final class SweepStall {
    private SweepStall() {}

    public static void main(String[] args) throws Exception {
        int sessions = Integer.parseInt(args[0]);
        Path dir = Files.createTempDirectory("storefront-sweep");
        StorefrontConfig config = StorefrontConfig.from(Map.of("DATA_DIR", dir.toString(), "DEMO_CATALOG", "false",
                "BCRYPT_COST", "4"), new String[0]).config();
        try (Storefront storefront = Storefront.builder().config(config).build()) {
            Product mug = storefront.catalog().createProduct().createProduct(new CreateProductCommand("MUG-1", "Mug", "",
                    "Kitchen", new BigDecimal("9.50"), 1_000, null));
            seed(config.databaseUrl(), sessions, mug.id().value());
            User user = storefront.accounts().registerUser().register(new RegisterUserCommand("writer", "writer@example.com",
                    "correct horse battery", null));
            CartOwner owner = CartOwner.user(user.id());
            storefront.cart().addItem().addItem(new AddCartItemCommand(owner, mug.id(), new Quantity(1)));

            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean sweeping = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                int quantity = 1;
                while (sweeping.get()) {
                    quantity = 3 - quantity;
                    long start = System.nanoTime();
                    storefront.cart().setItemQuantity().setQuantity(new SetCartItemQuantityCommand(owner, mug.id(), quantity));
                    latencies.add(System.nanoTime() - start);
                }
            }, "writer");
            writer.start();
            Thread.sleep(200); // the writer is under way before the sweep starts
            long start = System.nanoTime();
            int swept = storefront.accounts().sweepExpiredSessions().sweepExpired();
            long sweepNanos = System.nanoTime() - start;
            Thread.sleep(200);
            sweeping.set(false);
            writer.join();

            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("sessions=%d%nswept=%d%nsweep_ms=%.0f%nwrites=%d%nwrite_p50_ms=%.2f%n"
                            + "write_p99_ms=%.2f%nwrite_max_ms=%.1f%n", sessions, swept, sweepNanos / 1e6, sorted.size(),
                    sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 99 / 100) / 1e6,
                    sorted.get(sorted.size() - 1) / 1e6);
        }
    }

    /** Expired guest sessions (seen and ending in 1970), each with one cart line. */
    private static void seed(String url, int sessions, long productId) throws Exception {
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            try (PreparedStatement session = connection.prepareStatement("INSERT INTO user_session (token_hash, handle,"
                    + " user_id, user_agent, created_at, last_seen_at, expires_at) VALUES (?, ?, NULL, 'seed', 0, 0, 1)");
                 PreparedStatement line = connection.prepareStatement("INSERT INTO cart_line (guest_session,"
                         + " product_id, quantity, added_at, position) VALUES (?, ?, 1, 0, 0)")) {
                for (int i = 0; i < sessions; i++) {
                    String handle = String.format("seed-handle-%020d", i);
                    session.setString(1, String.format("%064x", i));
                    session.setString(2, handle);
                    session.addBatch();
                    line.setString(1, handle);
                    line.setLong(2, productId);
                    line.addBatch();
                }
                session.executeBatch();
                line.executeBatch();
            }
            connection.commit();
        }
    }
}
