package dev.storefront.http.account;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.port.in.account.CompleteMfaLoginUseCase;
import dev.storefront.domain.port.in.account.CompleteMfaLoginUseCase.CompleteMfaLoginCommand;
import dev.storefront.domain.port.in.account.ConfirmTotpUseCase;
import dev.storefront.domain.port.in.account.ConfirmTotpUseCase.ConfirmTotpCommand;
import dev.storefront.domain.port.in.account.DisableMfaUseCase;
import dev.storefront.domain.port.in.account.DisableMfaUseCase.DisableMfaCommand;
import dev.storefront.domain.port.in.account.EnrolTotpUseCase;
import dev.storefront.domain.port.in.account.EnrolTotpUseCase.EnrolTotpCommand;
import dev.storefront.domain.port.in.account.EnrolTotpUseCase.TotpEnrolment;
import dev.storefront.domain.port.in.account.LogInUseCase.LoggedIn;
import dev.storefront.domain.port.in.account.RegenerateRecoveryCodesUseCase;
import dev.storefront.domain.port.in.account.RegenerateRecoveryCodesUseCase.RegenerateRecoveryCodesCommand;
import dev.storefront.domain.port.in.account.ResolveSessionUseCase.ResolvedSession;
import dev.storefront.http.RouteGroup;
import dev.storefront.http.common.ApiRequest;
import dev.storefront.http.common.ApiResponse;
import dev.storefront.http.common.BoundedPool;
import dev.storefront.http.common.HttpProblemException;
import dev.storefront.http.common.Router;
import dev.storefront.http.common.SessionCookies;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The "Second factor: TOTP and recovery codes" rows of api.md. Routes that verify the current
 * password run on the bcrypt pool, like the account routes that do.
 */
public final class SecondFactorRoutes implements RouteGroup {

    /** The use cases behind the routes. */
    public record UseCases(EnrolTotpUseCase enrolTotp, ConfirmTotpUseCase confirmTotp,
                           RegenerateRecoveryCodesUseCase regenerateRecoveryCodes, DisableMfaUseCase disableMfa,
                           CompleteMfaLoginUseCase completeMfaLogin) {
        public UseCases {
            Objects.requireNonNull(enrolTotp, "enrolTotp");
            Objects.requireNonNull(confirmTotp, "confirmTotp");
            Objects.requireNonNull(regenerateRecoveryCodes, "regenerateRecoveryCodes");
            Objects.requireNonNull(disableMfa, "disableMfa");
            Objects.requireNonNull(completeMfaLogin, "completeMfaLogin");
        }
    }

    private final UseCases useCases;
    private final SessionCookies cookies;
    private final BoundedPool hashingPool;

    public SecondFactorRoutes(UseCases useCases, SessionCookies cookies, BoundedPool hashingPool) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.cookies = Objects.requireNonNull(cookies, "cookies");
        this.hashingPool = Objects.requireNonNull(hashingPool, "hashingPool");
    }

    @Override
    public void register(Router router) {
        router.add("POST", "/api/user/mfa/totp", this::enrol, hashingPool);
        router.post("/api/user/mfa/totp/confirm", this::confirm);
        router.add("POST", "/api/user/mfa/recovery-codes", this::regenerateRecoveryCodes, hashingPool);
        router.add("DELETE", "/api/user/mfa", this::disable, hashingPool);
        router.post("/api/login/mfa", this::completeLogin);
    }

    private ApiResponse enrol(ApiRequest request) {
        ResolvedSession session = cookies.requireUserSession(request);
        SecondFactorRequest body = required(request, true, false);
        TotpEnrolment enrolment = useCases.enrolTotp().enrolTotp(new EnrolTotpCommand(session.session().userId(),
                body.currentPassword(), request.clientAddress()));
        return ApiResponse.ok(new TotpEnrolmentResponse(enrolment.secret(), enrolment.otpauthUri(),
                QrCodeSvg.of(enrolment.otpauthUri())));
    }

    private ApiResponse confirm(ApiRequest request) {
        ResolvedSession session = cookies.requireUserSession(request);
        SecondFactorRequest body = required(request, false, true);
        return ApiResponse.ok(new RecoveryCodesResponse(useCases.confirmTotp().confirmTotp(new ConfirmTotpCommand(
                session.session().userId(), session.token(), body.code(), request.clientAddress()))));
    }

    private ApiResponse regenerateRecoveryCodes(ApiRequest request) {
        ResolvedSession session = cookies.requireUserSession(request);
        SecondFactorRequest body = required(request, true, true);
        return ApiResponse.ok(new RecoveryCodesResponse(useCases.regenerateRecoveryCodes().regenerateRecoveryCodes(
                new RegenerateRecoveryCodesCommand(session.session().userId(), body.currentPassword(), body.code(),
                        request.clientAddress()))));
    }

    private ApiResponse disable(ApiRequest request) {
        ResolvedSession session = cookies.requireUserSession(request);
        SecondFactorRequest body = codeOrRecoveryCode(request, true);
        useCases.disableMfa().disableMfa(new DisableMfaCommand(session.session().userId(), body.currentPassword(),
                body.code(), body.recoveryCode(), request.clientAddress()));
        return ApiResponse.noContent();
    }

    private ApiResponse completeLogin(ApiRequest request) {
        SecondFactorRequest body = codeOrRecoveryCode(request, false);
        LoggedIn loggedIn = useCases.completeMfaLogin().completeMfaLogin(new CompleteMfaLoginCommand(
                cookies.presented(request), body.code(), body.recoveryCode(), request.clientAddress(),
                request.header("User-Agent").orElse(null)));
        cookies.issue(request, loggedIn.session(), Optional.of(loggedIn.user()));
        return ApiResponse.ok(UserEnvelopeResponse.from(loggedIn.user()));
    }

    /** The body with the fields a route needs present; 400 naming each one missing. */
    private static SecondFactorRequest required(ApiRequest request, boolean password, boolean code) {
        SecondFactorRequest body = request.body(SecondFactorRequest.class);
        List<FieldViolation> missing = new ArrayList<>();
        if (password && body.currentPassword() == null) {
            missing.add(new FieldViolation("currentPassword", "is required"));
        }
        if (code && body.code() == null) {
            missing.add(new FieldViolation("code", "is required"));
        }
        if (!missing.isEmpty()) {
            throw HttpProblemException.invalid(missing);
        }
        return body;
    }

    /** The body with exactly one of {@code code} and {@code recoveryCode} (and the password if asked). */
    private static SecondFactorRequest codeOrRecoveryCode(ApiRequest request, boolean password) {
        SecondFactorRequest body = required(request, password, false);
        if ((body.code() == null) == (body.recoveryCode() == null)) {
            throw HttpProblemException.invalid("code", "give exactly one of code and recoveryCode");
        }
        return body;
    }
}
