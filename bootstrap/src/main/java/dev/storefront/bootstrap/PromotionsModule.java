package dev.storefront.bootstrap;

import dev.storefront.application.promo.CreatePromoCodeService;
import dev.storefront.application.promo.DeactivatePromoCodeService;
import dev.storefront.application.promo.GetPromoCodeService;
import dev.storefront.application.promo.ListPromoCodesService;
import dev.storefront.application.promo.UpdatePromoCodeService;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.http.promo.PromoCodeRoutes;
import dev.storefront.persistence.jdbi.Database;
import dev.storefront.persistence.jdbi.JdbiPromoCodeRepository;
import java.util.Currency;

/**
 * Promo codes: the JDBI repository (which checkout also uses, to take and give back uses in its
 * own transactions) and the admin's use cases over it.
 */
final class PromotionsModule {
    final PromoCodeRepository promoCodes;
    final PromotionUseCases useCases;

    PromotionsModule(Database database, StorefrontBuilder builder) {
        Currency currency = builder.config.currency();
        Transactions tx = database.transactions();
        promoCodes = new JdbiPromoCodeRepository(database, currency);
        useCases = new PromotionUseCases(
                new CreatePromoCodeService(promoCodes, tx, builder.timeSource, currency),
                new ListPromoCodesService(promoCodes, tx),
                new GetPromoCodeService(promoCodes),
                new UpdatePromoCodeService(promoCodes, tx, database.locks(), currency),
                new DeactivatePromoCodeService(promoCodes, tx, database.locks()));
    }

    PromoCodeRoutes routes() {
        return new PromoCodeRoutes(new PromoCodeRoutes.UseCases(useCases.createPromoCode(), useCases.listPromoCodes(),
                useCases.getPromoCode(), useCases.updatePromoCode(), useCases.deactivatePromoCode()));
    }
}
