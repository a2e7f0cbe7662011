package dev.storefront.application.promo;

import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.port.in.promo.ListPromoCodesUseCase;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.promo.PromoCode;
import jakarta.inject.Inject;
import java.util.Objects;

/** A page of every promo code, newest first, its items and total from one snapshot. */
public final class ListPromoCodesService implements ListPromoCodesUseCase {
    private final PromoCodeRepository promoCodes;
    private final Transactions transactions;

    @Inject
    public ListPromoCodesService(PromoCodeRepository promoCodes, Transactions transactions) {
        this.promoCodes = Objects.requireNonNull(promoCodes, "promoCodes");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public Page<PromoCode> listPromoCodes(PageRequest page) {
        Objects.requireNonNull(page, "page");
        return transactions.readOnly(() -> promoCodes.findAll(page));
    }
}
