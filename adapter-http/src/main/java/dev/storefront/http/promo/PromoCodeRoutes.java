package dev.storefront.http.promo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.port.in.promo.CreatePromoCodeUseCase;
import dev.storefront.domain.port.in.promo.DeactivatePromoCodeUseCase;
import dev.storefront.domain.port.in.promo.GetPromoCodeUseCase;
import dev.storefront.domain.port.in.promo.ListPromoCodesUseCase;
import dev.storefront.domain.port.in.promo.UpdatePromoCodeUseCase;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.http.RouteGroup;
import dev.storefront.http.common.ApiRequest;
import dev.storefront.http.common.ApiResponse;
import dev.storefront.http.common.HttpProblemException;
import dev.storefront.http.common.Router;
import java.util.Objects;
import java.util.Set;

/**
 * The admin's promo codes: create, list (newest first), read one, change, deactivate. Every route
 * checks the caller first (401 without a login, 403 for a customer), before the path or the body.
 * The path's code is matched regardless of case; one that cannot be a code is an unknown one (404).
 */
public final class PromoCodeRoutes implements RouteGroup {
    private static final String COLLECTION = "/api/admin/promo-codes";
    private static final Set<String> PAGE_PARAMETERS = Set.of("page", "pageSize");

    /** The use cases these routes call. */
    public record UseCases(CreatePromoCodeUseCase create, ListPromoCodesUseCase list, GetPromoCodeUseCase get,
                           UpdatePromoCodeUseCase update, DeactivatePromoCodeUseCase deactivate) {
        public UseCases {
            Objects.requireNonNull(create, "create");
            Objects.requireNonNull(list, "list");
            Objects.requireNonNull(get, "get");
            Objects.requireNonNull(update, "update");
            Objects.requireNonNull(deactivate, "deactivate");
        }
    }

    private final UseCases useCases;

    public PromoCodeRoutes(UseCases useCases) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
    }

    @Override
    public void register(Router router) {
        router.post(COLLECTION, this::create);
        router.get(COLLECTION, this::list);
        router.get(COLLECTION + "/{code}", this::get);
        router.patch(COLLECTION + "/{code}", this::update);
        router.delete(COLLECTION + "/{code}", this::deactivate);
    }

    private ApiResponse create(ApiRequest request) {
        request.requireAdmin();
        PromoCode code = useCases.create().createPromoCode(CreatePromoCodeRequest.from(request.body(ObjectNode.class)));
        return ApiResponse.created(SinglePromoCodeResponse.from(code))
                .header("Location", COLLECTION + "/" + code.code().value());
    }

    private ApiResponse list(ApiRequest request) {
        request.requireAdmin();
        request.requireOnlyQueryParameters(PAGE_PARAMETERS);
        int page = request.queryInt("page", 1, 1, PageRequest.MAX_PAGE);
        int pageSize = request.queryInt("pageSize", PageRequest.DEFAULT_PAGE_SIZE, 1, PageRequest.MAX_PAGE_SIZE);
        return ApiResponse.ok(PromoCodePageResponse.from(useCases.list().listPromoCodes(new PageRequest(page, pageSize))));
    }

    private ApiResponse get(ApiRequest request) {
        request.requireAdmin();
        return ApiResponse.ok(SinglePromoCodeResponse.from(useCases.get().getPromoCode(pathCode(request))));
    }

    private ApiResponse update(ApiRequest request) {
        request.requireAdmin();
        PromoCodeId code = pathCode(request);
        return ApiResponse.ok(SinglePromoCodeResponse.from(useCases.update().updatePromoCode(
                UpdatePromoCodeRequest.from(request.body(ObjectNode.class), code))));
    }

    private ApiResponse deactivate(ApiRequest request) {
        request.requireAdmin();
        useCases.deactivate().deactivatePromoCode(pathCode(request));
        return ApiResponse.noContent();
    }

    private static PromoCodeId pathCode(ApiRequest request) {
        return PromoCodeId.parse(request.pathParameter("code")).orElseThrow(HttpProblemException::notFound);
    }
}
