package dev.storefront.application.promo;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.port.in.promo.CreatePromoCodeCommand;
import dev.storefront.domain.port.in.promo.CreatePromoCodeUseCase;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.promo.DuplicatePromoCode;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.promo.PromoCodeRules;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class CreatePromoCodeService implements CreatePromoCodeUseCase {
    private final PromoCodeRepository promoCodes;
    private final Transactions transactions;
    private final TimeSource time;
    private final Currency currency;

    /** @param currency the store's one currency, which amounts and minimum subtotals are in */
    @Inject
    public CreatePromoCodeService(PromoCodeRepository promoCodes, Transactions transactions, TimeSource time,
                                  Currency currency) {
        this.promoCodes = Objects.requireNonNull(promoCodes, "promoCodes");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.time = Objects.requireNonNull(time, "time");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    @Override
    public PromoCode createPromoCode(CreatePromoCodeCommand command) {
        Objects.requireNonNull(command, "command");
        List<FieldViolation> violations = new ArrayList<>();
        Optional<PromoCodeId> id = PromoCodeId.parse(command.code());
        if (id.isEmpty()) {
            violations.add(new FieldViolation("code", command.code() == null ? "is required; " + PromoCodeId.PROBLEM
                    : PromoCodeId.PROBLEM));
        }
        PromoCodeRules.Settings settings = new PromoCodeRules.Settings(command.kind(), command.value(),
                command.minSubtotal(), command.startsAt(), command.endsAt(), command.usageLimit(),
                command.usagePerUser(), command.active() == null || command.active());
        // A stand-in id when the code itself is invalid, so the other fields are still checked.
        Optional<PromoCode> code = PromoCodeRules.check(id.orElse(new PromoCodeId("XXX")), settings, 0, time.now(),
                currency, false, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        PromoCode created = code.orElseThrow();
        return transactions.inTransaction(() -> {
            // The primary key decides a race between two creations; this answers the common case early.
            if (promoCodes.findByCode(created.code()).isPresent()) {
                throw new DuplicatePromoCode();
            }
            promoCodes.add(created);
            return created;
        });
    }
}
