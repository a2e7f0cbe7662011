package dev.storefront.application.promo;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.port.in.promo.UpdatePromoCodeCommand;
import dev.storefront.domain.port.in.promo.UpdatePromoCodeCommand.Change;
import dev.storefront.domain.port.in.promo.UpdatePromoCodeUseCase;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeNotFound;
import dev.storefront.domain.promo.PromoCodeRules;
import dev.storefront.domain.promo.PromoKind;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Changes the given settings of a code and checks the result as a whole. The code's lock is taken
 * before the read, so two admins' changes apply one after the other instead of one undoing the
 * other; the count of uses is never written here (checkouts move it meanwhile).
 */
public final class UpdatePromoCodeService implements UpdatePromoCodeUseCase {
    private final PromoCodeRepository promoCodes;
    private final Transactions transactions;
    private final Locks locks;
    private final Currency currency;

    @Inject
    public UpdatePromoCodeService(PromoCodeRepository promoCodes, Transactions transactions, Locks locks,
                                  Currency currency) {
        this.promoCodes = Objects.requireNonNull(promoCodes, "promoCodes");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    @Override
    public PromoCode updatePromoCode(UpdatePromoCodeCommand command) {
        Objects.requireNonNull(command, "command");
        return transactions.inTransaction(() -> {
            locks.lock(PromoCodeLocks.of(command.code()));
            PromoCode current = promoCodes.findByCode(command.code()).orElseThrow(PromoCodeNotFound::new);
            String kind = command.kind() != null ? command.kind() : current.kind().wireName();
            PromoCodeRules.Settings settings = new PromoCodeRules.Settings(kind,
                    merged(command.value(), current.value()),
                    command.minSubtotal() != null ? command.minSubtotal() : current.minSubtotal().amount(),
                    merged(command.startsAt(), current.startsAt()), merged(command.endsAt(), current.endsAt()),
                    merged(command.usageLimit(), current.usageLimit()),
                    merged(command.usagePerUser(), current.usagePerUser()),
                    command.active() != null ? command.active() : current.active());
            List<FieldViolation> violations = new ArrayList<>();
            boolean blameStart = command.startsAt() != null && command.endsAt() == null;
            PromoCode changed = PromoCodeRules.check(current.code(), settings, current.timesUsed(), current.createdAt(),
                    currency, blameStart, violations).orElse(null);
            if (command.value() == null && PromoKind.fromWireName(kind).filter(k -> k != current.kind()).isPresent()) {
                // The stored value meant something else under the old kind: 15 % is not 15.00 off.
                violations.removeIf(v -> v.field().equals("value"));
                violations.add(new FieldViolation("value", "must be given when kind changes (null for free_shipping)"));
            }
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
            if (!changed.equals(current)) {
                promoCodes.update(changed);
            }
            return changed;
        });
    }

    private static <T> T merged(Change<T> change, T current) {
        return change != null ? change.value() : current;
    }
}
