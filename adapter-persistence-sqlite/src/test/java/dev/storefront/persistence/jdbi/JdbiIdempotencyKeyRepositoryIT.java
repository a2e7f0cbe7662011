package dev.storefront.persistence.jdbi;

import dev.storefront.persistence.sqlite.SqliteDatabase;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.port.out.IdempotencyKeyRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.contract.IdempotencyKeyRepositoryContract;
import dev.storefront.domain.user.UserId;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The idempotency key contract on real SQLite; users and orders are inserted as plain rows. */
class JdbiIdempotencyKeyRepositoryIT extends IdempotencyKeyRepositoryContract {
    @TempDir
    Path directory;
    private SqliteDatabase database;
    private JdbiIdempotencyKeyRepository repository;
    private final AtomicLong counter = new AtomicLong();

    @BeforeEach
    void freshDatabase() {
        database = SqliteDatabase.open("jdbc:sqlite:" + directory.resolve("keys.db"));
        repository = new JdbiIdempotencyKeyRepository(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected IdempotencyKeyRepository repository() {
        return repository;
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
    protected OrderId newOrder(UserId user) {
        return new OrderId(Rows.insertOrder(database, user.value()));
    }
}
