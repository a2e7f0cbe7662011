package dev.storefront.persistence.jdbi;

import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.promo.DuplicatePromoCode;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.promo.PromoKind;
import dev.storefront.domain.user.UserId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementException;

/**
 * Promo codes in {@code promo_code} and the orders that used them in {@code promo_code_use}; joins
 * the thread's transaction. {@code value} is stored in hundredths of a percent for a percentage and
 * in minor units for an amount, money in minor units of the store's currency, times in epoch
 * milliseconds. Taking and giving back a use are single conditional statements, so that the
 * limit holds under any concurrency (like the stock's decrement).
 */
public final class JdbiPromoCodeRepository implements PromoCodeRepository {
    private static final String COLUMNS = "code, kind, value, min_subtotal_minor, starts_at, ends_at, usage_limit,"
            + " usage_per_user, times_used, active, created_at";
    private final Database database;
    private final Currency currency;

    /** @param currency the store's currency, which every stored amount of minor units is in */
    public JdbiPromoCodeRepository(Database database, Currency currency) {
        this.database = Objects.requireNonNull(database, "database");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    private PromoCode promoCode(ResultSet rs) throws SQLException {
        PromoKind kind = PromoKind.valueOf(rs.getString("kind"));
        Long stored = Columns.nullableLong(rs, "value");
        BigDecimal value = stored == null ? null : BigDecimal.valueOf(stored, 2); // hundredths either way
        Long startsAt = Columns.nullableLong(rs, "starts_at");
        Long endsAt = Columns.nullableLong(rs, "ends_at");
        Long usageLimit = Columns.nullableLong(rs, "usage_limit");
        Long usagePerUser = Columns.nullableLong(rs, "usage_per_user");
        return new PromoCode(new PromoCodeId(rs.getString("code")), kind, value,
                Money.ofMinorUnits(rs.getLong("min_subtotal_minor"), currency),
                startsAt == null ? null : Instant.ofEpochMilli(startsAt),
                endsAt == null ? null : Instant.ofEpochMilli(endsAt),
                usageLimit == null ? null : Math.toIntExact(usageLimit),
                usagePerUser == null ? null : Math.toIntExact(usagePerUser),
                rs.getInt("times_used"), rs.getInt("active") == 1, Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    /** Hundredths of a percent, or minor units: both are the value with its point moved by two. */
    private static Long storedValue(PromoCode code) {
        return code.value() == null ? null : code.value().movePointRight(2).longValueExact();
    }

    private static Long epochMillis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    /** Binds every setting of a code (not its count of uses, not its creation time). */
    private <S extends SqlStatement<S>> S bindSettings(S statement, PromoCode code) {
        Objects.requireNonNull(code, "code");
        if (!code.minSubtotal().currency().equals(currency)) {
            throw new IllegalArgumentException("a code in " + code.minSubtotal().currency() + " in a store in " + currency);
        }
        return statement.bind("code", code.code().value())
                .bind("kind", code.kind().name())
                .bind("value", storedValue(code))
                .bind("minSubtotal", code.minSubtotal().toMinorUnits())
                .bind("startsAt", epochMillis(code.startsAt()))
                .bind("endsAt", epochMillis(code.endsAt()))
                .bind("usageLimit", code.usageLimit())
                .bind("usagePerUser", code.usagePerUser())
                .bind("active", code.active() ? 1 : 0);
    }

    @Override
    public void add(PromoCode code) {
        try {
            // The primary key decides, not a check before: two creations of one code may race.
            database.withHandle(h -> bindSettings(h.createUpdate("INSERT INTO promo_code (" + COLUMNS + ")"
                            + " VALUES (:code, :kind, :value, :minSubtotal, :startsAt, :endsAt, :usageLimit,"
                            + " :usagePerUser, :timesUsed, :active, :createdAt)"), code)
                    .bind("timesUsed", code.timesUsed())
                    .bind("createdAt", code.createdAt().toEpochMilli())
                    .execute());
        } catch (StatementException e) {
            if (database.dialect().isUniqueViolation(e)) {
                throw new DuplicatePromoCode();
            }
            throw e;
        }
    }

    @Override
    public Optional<PromoCode> findByCode(PromoCodeId code) {
        Objects.requireNonNull(code, "code");
        // Codes are stored upper case and a PromoCodeId is upper case: equality is case-insensitive matching.
        return database.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM promo_code WHERE code = :code")
                .bind("code", code.value())
                .map((rs, ctx) -> promoCode(rs))
                .findOne());
    }

    @Override
    public Page<PromoCode> findAll(PageRequest page) {
        Objects.requireNonNull(page, "page");
        return database.withHandle(h -> {
            long total = h.createQuery("SELECT COUNT(*) FROM promo_code").mapTo(Long.class).one();
            if (total <= page.offset()) {
                return Page.of(List.<PromoCode>of(), page, total);
            }
            List<PromoCode> items = h.createQuery("SELECT " + COLUMNS + " FROM promo_code"
                            + " ORDER BY created_at DESC, code LIMIT :limit OFFSET :offset")
                    .bind("limit", page.pageSize())
                    .bind("offset", page.offset())
                    .map((rs, ctx) -> promoCode(rs))
                    .list();
            return Page.of(items, page, total);
        });
    }

    @Override
    public boolean update(PromoCode code) {
        // times_used is not written: checkouts move it in their own transactions meanwhile.
        return database.withHandle(h -> bindSettings(h.createUpdate("UPDATE promo_code SET kind = :kind,"
                        + " value = :value, min_subtotal_minor = :minSubtotal, starts_at = :startsAt,"
                        + " ends_at = :endsAt, usage_limit = :usageLimit, usage_per_user = :usagePerUser,"
                        + " active = :active WHERE code = :code"), code)
                .execute()) == 1;
    }

    @Override
    public boolean takeUse(PromoCodeId code) {
        Objects.requireNonNull(code, "code");
        // Check and write in one statement: two checkouts can never both take the last use.
        return database.withHandle(h -> h.createUpdate("UPDATE promo_code SET times_used = times_used + 1"
                        + " WHERE code = :code AND active = 1 AND (usage_limit IS NULL OR times_used < usage_limit)")
                .bind("code", code.value())
                .execute()) == 1;
    }

    @Override
    public void recordUse(PromoCodeId code, UserId user, OrderId order, Instant at) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(at, "at");
        try {
            database.withHandle(h -> h.createUpdate("INSERT INTO promo_code_use (order_id, code, user_id, used_at)"
                            + " VALUES (:order, :code, :user, :at)")
                    .bind("order", order.value())
                    .bind("code", code.value())
                    .bind("user", user.value())
                    .bind("at", at.toEpochMilli())
                    .execute());
        } catch (StatementException e) {
            if (database.dialect().isUniqueViolation(e)) {
                throw new IllegalStateException("order " + order + " already used a promo code", e);
            }
            throw e;
        }
    }

    @Override
    public int usesBy(PromoCodeId code, UserId user) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(user, "user");
        return database.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM promo_code_use"
                        + " WHERE code = :code AND user_id = :user")
                .bind("code", code.value())
                .bind("user", user.value())
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public boolean giveBack(OrderId order) {
        Objects.requireNonNull(order, "order");
        return database.withHandle(h -> {
            // Whoever deletes the row gives the use back; a second cancel (even a concurrent one,
            // which waits on the row and then finds it gone) deletes nothing and changes nothing.
            Optional<String> code = h.createQuery("DELETE FROM promo_code_use WHERE order_id = :order RETURNING code")
                    .bind("order", order.value())
                    .mapTo(String.class)
                    .findOne();
            code.ifPresent(c -> h.createUpdate("UPDATE promo_code SET times_used = times_used - 1"
                            + " WHERE code = :code AND times_used > 0")
                    .bind("code", c)
                    .execute());
            return code.isPresent();
        });
    }
}
