package dev.storefront.persistence.jdbi;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.contract.PromoCodeRepositoryContract;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.promo.PromoKind;
import dev.storefront.domain.user.UserId;
import dev.storefront.persistence.sqlite.SqliteDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Currency;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The promo code contract on real SQLite (its writer serialises the racing takers); users and products as plain rows. */
class JdbiPromoCodeRepositoryIT extends PromoCodeRepositoryContract {
    @TempDir
    Path directory;
    private SqliteDatabase database;
    private final AtomicLong counter = new AtomicLong();

    @BeforeEach
    void freshDatabase() {
        database = SqliteDatabase.open("jdbc:sqlite:" + directory.resolve("promo.db"));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected PromoCodeRepository repository() {
        return new JdbiPromoCodeRepository(database, USD);
    }

    @Override
    protected OrderRepository orders() {
        return new JdbiOrderRepository(database, USD);
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
    void aCodeInAnotherCurrencyIsRefused() {
        PromoCode euros = new PromoCode(new PromoCodeId("EURO"), PromoKind.AMOUNT, new BigDecimal("5"),
                Money.zero(Currency.getInstance("EUR")), null, null, null, null, 0, true, T0);
        assertThrows(IllegalArgumentException.class, () -> repository().add(euros));
    }
}
