package dev.storefront.http.account;

import dev.storefront.domain.port.in.account.ConfirmEmailVerificationUseCase;
import dev.storefront.domain.port.in.account.ConfirmEmailVerificationUseCase.ConfirmEmailVerificationCommand;
import dev.storefront.domain.port.in.account.RequestEmailVerificationUseCase;
import dev.storefront.domain.port.in.account.RequestEmailVerificationUseCase.RequestEmailVerificationCommand;
import dev.storefront.http.RouteGroup;
import dev.storefront.http.common.ApiRequest;
import dev.storefront.http.common.ApiResponse;
import dev.storefront.http.common.HttpProblemException;
import dev.storefront.http.common.Principal;
import dev.storefront.http.common.Router;
import java.util.Objects;

/**
 * The Email verification rows of api.md: a new mail for the logged-in user, and the confirmation,
 * which needs no login (the link is opened from a mail client, perhaps on another device).
 */
public final class EmailVerificationRoutes implements RouteGroup {
    static final String MAIL_SENT = "A verification link has been sent";

    private final RequestEmailVerificationUseCase request;
    private final ConfirmEmailVerificationUseCase confirm;

    public EmailVerificationRoutes(RequestEmailVerificationUseCase request, ConfirmEmailVerificationUseCase confirm) {
        this.request = Objects.requireNonNull(request, "request");
        this.confirm = Objects.requireNonNull(confirm, "confirm");
    }

    @Override
    public void register(Router router) {
        router.post("/api/email-verification", this::requestVerification);
        router.post("/api/email-verification/confirm", this::confirmVerification);
    }

    private ApiResponse requestVerification(ApiRequest apiRequest) {
        Principal principal = apiRequest.requireUser();
        request.requestEmailVerification(new RequestEmailVerificationCommand(principal.userId(),
                apiRequest.clientAddress()));
        return ApiResponse.accepted(MessageResponse.from(MAIL_SENT));
    }

    private ApiResponse confirmVerification(ApiRequest apiRequest) {
        EmailVerificationConfirmRequest body = apiRequest.body(EmailVerificationConfirmRequest.class);
        if (body.token() == null) {
            throw HttpProblemException.invalid("token", "is required");
        }
        confirm.confirmEmailVerification(new ConfirmEmailVerificationCommand(body.token(), apiRequest.clientAddress()));
        return ApiResponse.noContent();
    }
}
