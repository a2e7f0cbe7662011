package dev.storefront.domain.promo;

import dev.storefront.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A promo code, managed by admins. {@code value} is a percentage (1–100, at most 2 decimals) for
 * {@link PromoKind#PERCENT}, an amount of money for {@link PromoKind#AMOUNT}, and {@code null} for
 * {@link PromoKind#FREE_SHIPPING}. {@code startsAt}, {@code endsAt}, {@code usageLimit} and
 * {@code usagePerUser} are {@code null} for "no bound". {@code timesUsed} counts the orders that
 * carry it and are not cancelled.
 */
public record PromoCode(PromoCodeId code, PromoKind kind, BigDecimal value, Money minSubtotal, Instant startsAt,
                        Instant endsAt, Integer usageLimit, Integer usagePerUser, int timesUsed, boolean active,
                        Instant createdAt) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    public static final String PERCENT_PROBLEM = "must be a percentage from 1 to 100 with at most 2 decimals";

    public PromoCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(minSubtotal, "minSubtotal");
        Objects.requireNonNull(createdAt, "createdAt");
        switch (kind) {
            case PERCENT -> {
                Objects.requireNonNull(value, "value");
                if (percentProblem(value) != null) {
                    throw new IllegalArgumentException("invalid percentage: " + value);
                }
                value = canonicalPercent(value);
            }
            case AMOUNT -> {
                Objects.requireNonNull(value, "value");
                value = new Money(value, minSubtotal.currency()).amount();
                if (value.signum() <= 0) {
                    throw new IllegalArgumentException("an amount off is positive: " + value);
                }
            }
            case FREE_SHIPPING -> {
                if (value != null) {
                    throw new IllegalArgumentException("free shipping has no value");
                }
            }
        }
        if (minSubtotal.isNegative()) {
            throw new IllegalArgumentException("minSubtotal is never negative");
        }
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("endsAt must be after startsAt");
        }
        if ((usageLimit != null && usageLimit < 1) || (usagePerUser != null && usagePerUser < 1)) {
            throw new IllegalArgumentException("usage limits are at least 1");
        }
        if (timesUsed < 0) {
            throw new IllegalArgumentException("timesUsed is never negative");
        }
    }

    /**
     * A percentage in one form whatever its scale ({@code 15}, {@code 12.5}): "15.00" and "15" are one
     * value, so a code reads back equal from every store (SQLite and PostgreSQL keep hundredths).
     */
    public static BigDecimal canonicalPercent(BigDecimal percent) {
        BigDecimal stripped = percent.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** What is wrong with a percentage a client sent, or {@code null}. */
    public static String percentProblem(BigDecimal percent) {
        if (percent.compareTo(BigDecimal.ONE) < 0 || percent.compareTo(HUNDRED) > 0
                || percent.stripTrailingZeros().scale() > 2) {
            return PERCENT_PROBLEM;
        }
        return null;
    }

    /**
     * The discount on a subtotal: a percentage rounded half-up to the cent, an amount capped at the
     * subtotal, nothing for free shipping (that is taken off the shipping).
     */
    public Money discountOn(Money subtotal) {
        return switch (kind) {
            case PERCENT -> new Money(subtotal.amount().multiply(value).divide(HUNDRED, Money.SCALE, RoundingMode.HALF_UP),
                    subtotal.currency());
            case AMOUNT -> {
                Money amount = new Money(value, subtotal.currency());
                yield amount.compareTo(subtotal) > 0 ? subtotal : amount;
            }
            case FREE_SHIPPING -> Money.zero(subtotal.currency());
        };
    }

    /** This code with another count of uses (as stored). */
    public PromoCode withTimesUsed(int count) {
        return new PromoCode(code, kind, value, minSubtotal, startsAt, endsAt, usageLimit, usagePerUser, count, active,
                createdAt);
    }

    /** This code, no longer accepted. */
    public PromoCode deactivate() {
        return new PromoCode(code, kind, value, minSubtotal, startsAt, endsAt, usageLimit, usagePerUser, timesUsed,
                false, createdAt);
    }

    public boolean freeShipping() {
        return kind == PromoKind.FREE_SHIPPING;
    }

    /**
     * Why this code cannot be used now on this subtotal by a customer who has used it
     * {@code usedByCustomer} times, or empty when it can. The use itself is taken later, with a
     * conditional update ({@code PromoCodeRepository#takeUse}), which is what holds under concurrency.
     */
    public Optional<PromoCodeRejected.Reason> rejection(Money subtotal, Instant now, int usedByCustomer) {
        if (!active) {
            return Optional.of(PromoCodeRejected.Reason.UNKNOWN);
        }
        if (startsAt != null && now.isBefore(startsAt)) {
            return Optional.of(PromoCodeRejected.Reason.NOT_YET_VALID);
        }
        if (endsAt != null && !now.isBefore(endsAt)) {
            return Optional.of(PromoCodeRejected.Reason.EXPIRED);
        }
        if (usageLimit != null && timesUsed >= usageLimit) {
            return Optional.of(PromoCodeRejected.Reason.EXHAUSTED);
        }
        if (usagePerUser != null && usedByCustomer >= usagePerUser) {
            return Optional.of(PromoCodeRejected.Reason.USED_BY_CUSTOMER);
        }
        if (subtotal.compareTo(minSubtotal) < 0) {
            return Optional.of(PromoCodeRejected.Reason.BELOW_MIN_SUBTOTAL);
        }
        return Optional.empty();
    }
}
