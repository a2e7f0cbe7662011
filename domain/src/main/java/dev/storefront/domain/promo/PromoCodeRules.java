package dev.storefront.domain.promo;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a promo code's settings as an admin enters them, checked together so that every
 * broken field is named at once:
 * <ul>
 *   <li>{@code kind}: {@code percent}, {@code amount} or {@code free_shipping}</li>
 *   <li>{@code value}: required for percent (1–100, at most 2 decimals) and amount (more than 0,
 *       at most {@link Money#INPUT_MAX}, at most 2 decimals); must be null for free shipping</li>
 *   <li>{@code minSubtotal}: 0 to {@link Money#INPUT_MAX}, at most 2 decimals</li>
 *   <li>{@code startsAt}, {@code endsAt}: from 1970 to the end of 9999 (stored as epoch milliseconds,
 *       kept to the millisecond); {@code endsAt} after {@code startsAt}</li>
 *   <li>{@code usageLimit}, {@code usagePerUser}: at least 1, or null for no bound</li>
 * </ul>
 */
public final class PromoCodeRules {
    public static final String KIND_PROBLEM = "must be one of percent, amount, free_shipping";
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private PromoCodeRules() {}

    /** The settings to check; {@code null} in a bound means "no bound". */
    public record Settings(String kind, BigDecimal value, BigDecimal minSubtotal, Instant startsAt, Instant endsAt,
                           Integer usageLimit, Integer usagePerUser, boolean active) {}

    /**
     * The code with these settings, or empty after adding a violation for each broken rule.
     *
     * @param blameStart whether an {@code endsAt} not after {@code startsAt} is the fault of
     *                   {@code startsAt} (a change that gave only that) rather than of {@code endsAt}
     */
    public static Optional<PromoCode> check(PromoCodeId code, Settings s, int timesUsed, Instant createdAt,
                                            Currency currency, boolean blameStart, List<FieldViolation> violations) {
        int before = violations.size();
        Optional<PromoKind> kind = s.kind() == null ? Optional.empty() : PromoKind.fromWireName(s.kind());
        if (s.kind() == null) {
            violations.add(new FieldViolation("kind", "is required; " + KIND_PROBLEM));
        } else if (kind.isEmpty()) {
            violations.add(new FieldViolation("kind", KIND_PROBLEM));
        } else {
            String problem = valueProblem(kind.get(), s.value());
            if (problem != null) {
                violations.add(new FieldViolation("value", problem));
            }
        }
        BigDecimal minSubtotal = s.minSubtotal() == null ? BigDecimal.ZERO : s.minSubtotal();
        String minProblem = Money.inputProblem(minSubtotal, false);
        if (minProblem != null) {
            violations.add(new FieldViolation("minSubtotal", minProblem));
        }
        boolean startsOk = instantOk("startsAt", s.startsAt(), violations);
        boolean endsOk = instantOk("endsAt", s.endsAt(), violations);
        if (startsOk && endsOk && s.startsAt() != null && s.endsAt() != null
                && !millis(s.endsAt()).isAfter(millis(s.startsAt()))) {
            violations.add(blameStart ? new FieldViolation("startsAt", "must be before endsAt")
                    : new FieldViolation("endsAt", "must be after startsAt"));
        }
        limitOk("usageLimit", s.usageLimit(), violations);
        limitOk("usagePerUser", s.usagePerUser(), violations);
        if (violations.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new PromoCode(code, kind.orElseThrow(), s.value(), new Money(minSubtotal, currency),
                millis(s.startsAt()), millis(s.endsAt()), s.usageLimit(), s.usagePerUser(), timesUsed, s.active(),
                millis(createdAt)));
    }

    /** What is wrong with the value for a kind, or {@code null}. */
    public static String valueProblem(PromoKind kind, BigDecimal value) {
        return switch (kind) {
            case PERCENT -> value == null ? "is required for kind percent" : PromoCode.percentProblem(value);
            case AMOUNT -> value == null ? "is required for kind amount" : Money.inputProblem(value, true);
            case FREE_SHIPPING -> value == null ? null : "must be null for kind free_shipping";
        };
    }

    private static boolean instantOk(String field, Instant at, List<FieldViolation> violations) {
        if (at != null && (at.isBefore(EARLIEST) || at.isAfter(LATEST))) {
            violations.add(new FieldViolation(field, "must be a time from 1970 to 9999"));
            return false;
        }
        return true;
    }

    private static void limitOk(String field, Integer limit, List<FieldViolation> violations) {
        if (limit != null && limit < 1) {
            violations.add(new FieldViolation(field, "must be a whole number of at least 1, or null for no limit"));
        }
    }

    /** Stores keep milliseconds: the fake and the databases hold the same instant. */
    private static Instant millis(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }
}
