package dev.storefront.http.promo;

import dev.storefront.domain.common.Page;
import dev.storefront.domain.promo.PromoCode;
import java.util.List;

/** {@code {"items": [PromoCode…], "page", "pageSize", "total"}}. */
public record PromoCodePageResponse(List<PromoCodeResponse> items, int page, int pageSize, long total) {
    public static PromoCodePageResponse from(Page<PromoCode> page) {
        return new PromoCodePageResponse(page.items().stream().map(PromoCodeResponse::from).toList(), page.page(),
                page.pageSize(), page.total());
    }
}
