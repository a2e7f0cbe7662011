package dev.storefront.http.account;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.port.in.account.ChangePasswordCommand;
import dev.storefront.domain.port.in.account.ChangePasswordUseCase;
import dev.storefront.domain.port.in.account.ConfirmPasswordResetUseCase;
import dev.storefront.domain.port.in.account.ConfirmPasswordResetUseCase.ConfirmPasswordResetCommand;
import dev.storefront.domain.port.in.account.GetCurrentUserUseCase;
import dev.storefront.domain.port.in.account.GetDashboardUseCase;
import dev.storefront.domain.port.in.account.GetDashboardUseCase.DashboardQuery;
import dev.storefront.domain.port.in.account.ListSessionsUseCase;
import dev.storefront.domain.port.in.account.ListSessionsUseCase.SessionsQuery;
import dev.storefront.domain.port.in.account.LogInCommand;
import dev.storefront.domain.port.in.account.LogInUseCase;
import dev.storefront.domain.port.in.account.LogInUseCase.LoggedIn;
import dev.storefront.domain.port.in.account.LogOutUseCase;
import dev.storefront.domain.port.in.account.LogOutUseCase.LogOutCommand;
import dev.storefront.domain.port.in.account.RegisterUserCommand;
import dev.storefront.domain.port.in.account.RegisterUserUseCase;
import dev.storefront.domain.port.in.account.RequestPasswordResetUseCase;
import dev.storefront.domain.port.in.account.RequestPasswordResetUseCase.RequestPasswordResetCommand;
import dev.storefront.domain.port.in.account.ResolveSessionUseCase.ResolvedSession;
import dev.storefront.domain.port.in.account.RevokeOtherSessionsUseCase;
import dev.storefront.domain.port.in.account.RevokeOtherSessionsUseCase.RevokeOtherSessionsCommand;
import dev.storefront.domain.port.in.account.RevokeSessionUseCase;
import dev.storefront.domain.port.in.account.RevokeSessionUseCase.RevokeSessionCommand;
import dev.storefront.domain.port.in.account.UpdateProfileCommand;
import dev.storefront.domain.port.in.account.UpdateProfileUseCase;
import dev.storefront.domain.session.IssuedSession;
import dev.storefront.domain.user.User;
import dev.storefront.http.RouteGroup;
import dev.storefront.http.common.ApiRequest;
import dev.storefront.http.common.ApiResponse;
import dev.storefront.http.common.BoundedPool;
import dev.storefront.http.common.HttpProblemException;
import dev.storefront.http.common.Principal;
import dev.storefront.http.common.Router;
import dev.storefront.http.common.SessionCookies;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Accounts rows of api.md. Routes that hash or verify a password run on {@code hashingPool},
 * a bounded pool of their own, so a login storm is answered 503 there instead of starving the
 * other routes. Registration runs in a lane behind the others: anyone may register, so a flood of
 * registrations must not delay the logins, password and profile changes and reset confirmations
 * of people who already have an account (those need a secret the caller holds, and the login
 * throttle or the token bounds them).
 */
public final class AccountRoutes implements RouteGroup {

    /** The use cases behind the routes. */
    public record UseCases(RegisterUserUseCase register, LogInUseCase logIn, LogOutUseCase logOut,
                           GetCurrentUserUseCase currentUser, GetDashboardUseCase dashboard,
                           UpdateProfileUseCase updateProfile, ChangePasswordUseCase changePassword,
                           RequestPasswordResetUseCase requestPasswordReset,
                           ConfirmPasswordResetUseCase confirmPasswordReset, ListSessionsUseCase listSessions,
                           RevokeSessionUseCase revokeSession, RevokeOtherSessionsUseCase revokeOtherSessions) {
        public UseCases {
            Objects.requireNonNull(register, "register");
            Objects.requireNonNull(logIn, "logIn");
            Objects.requireNonNull(logOut, "logOut");
            Objects.requireNonNull(currentUser, "currentUser");
            Objects.requireNonNull(dashboard, "dashboard");
            Objects.requireNonNull(updateProfile, "updateProfile");
            Objects.requireNonNull(changePassword, "changePassword");
            Objects.requireNonNull(requestPasswordReset, "requestPasswordReset");
            Objects.requireNonNull(confirmPasswordReset, "confirmPasswordReset");
            Objects.requireNonNull(listSessions, "listSessions");
            Objects.requireNonNull(revokeSession, "revokeSession");
            Objects.requireNonNull(revokeOtherSessions, "revokeOtherSessions");
        }
    }

    /** Registrations admitted behind the other hashing routes (running or waiting) before more get 503. */
    static final int REGISTRATIONS_ADMITTED = 16;

    static final String RESET_ACCEPTED =
            "If an account with that email exists, a password reset link has been sent to it";

    private final UseCases useCases;
    private final SessionCookies cookies;
    private final BoundedPool hashingPool;
    private final BoundedPool registrationLane;

    public AccountRoutes(UseCases useCases, SessionCookies cookies, BoundedPool hashingPool) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.cookies = Objects.requireNonNull(cookies, "cookies");
        this.hashingPool = Objects.requireNonNull(hashingPool, "hashingPool");
        this.registrationLane = hashingPool.behind(REGISTRATIONS_ADMITTED);
    }

    @Override
    public void register(Router router) {
        router.add("POST", "/api/register", this::registerUser, registrationLane);
        router.add("POST", "/api/login", this::logIn, hashingPool);
        router.post("/api/logout", this::logOut);
        router.get("/api/user", this::currentUser);
        router.add("PATCH", "/api/user", this::updateProfile, hashingPool);
        router.add("POST", "/api/user/password", this::changePassword, hashingPool);
        router.get("/api/dashboard", this::dashboard);
        router.get("/api/user/sessions", this::listSessions);
        router.delete("/api/user/sessions/{id}", this::revokeSession);
        router.delete("/api/user/sessions", this::revokeOtherSessions);
        router.post("/api/password-reset", this::requestPasswordReset);
        router.add("POST", "/api/password-reset/confirm", this::confirmPasswordReset, hashingPool);
    }

    private ApiResponse registerUser(ApiRequest request) {
        RegisterRequest body = request.body(RegisterRequest.class);
        User user = useCases.register().register(new RegisterUserCommand(body.username(), body.email(),
                body.password(), request.clientAddress()));
        return ApiResponse.created(UserEnvelopeResponse.from(user));
    }

    private ApiResponse logIn(ApiRequest request) {
        LoginRequest body = request.body(LoginRequest.class);
        List<FieldViolation> missing = new ArrayList<>();
        if (body.effectiveLogin() == null) {
            missing.add(new FieldViolation("login", "is required (a username or an email)"));
        }
        if (body.password() == null) {
            missing.add(new FieldViolation("password", "is required"));
        }
        if (!missing.isEmpty()) {
            throw HttpProblemException.invalid(missing);
        }
        LoggedIn loggedIn = useCases.logIn().logIn(new LogInCommand(body.effectiveLogin(), body.password(),
                request.clientAddress(), request.header("User-Agent").orElse(null), cookies.presented(request)));
        if (loggedIn.session().session().pendingSecondFactor()) {
            cookies.issue(request, loggedIn.session(), Optional.empty());
            return ApiResponse.ok(MfaRequiredResponse.TOTP);
        }
        cookies.issue(request, loggedIn.session(), Optional.of(loggedIn.user()));
        return ApiResponse.ok(UserEnvelopeResponse.from(loggedIn.user()));
    }

    private ApiResponse logOut(ApiRequest request) {
        useCases.logOut().logOut(new LogOutCommand(cookies.presented(request), request.clientAddress()));
        cookies.clear(request);
        return ApiResponse.ok(MessageResponse.from("Logged out"));
    }

    private ApiResponse currentUser(ApiRequest request) {
        // The session was resolved together with its user row moments ago, in this request's read
        // transaction: that user is the answer, without a second transaction for the same row.
        ResolvedSession session = cookies.requireUserSession(request);
        return ApiResponse.ok(UserEnvelopeResponse.from(session.user()
                .orElseThrow(() -> new NotAuthenticatedException("Login required"))));
    }

    private ApiResponse updateProfile(ApiRequest request) {
        Principal principal = request.requireUser();
        UpdateProfileRequest body = request.body(UpdateProfileRequest.class);
        if (body.currentPassword() == null) {
            throw HttpProblemException.invalid("currentPassword", "is required");
        }
        User user = useCases.updateProfile().updateProfile(new UpdateProfileCommand(principal.userId(),
                Optional.ofNullable(body.username()), Optional.ofNullable(body.email()), body.currentPassword(),
                request.clientAddress()));
        return ApiResponse.ok(UserEnvelopeResponse.from(user));
    }

    private ApiResponse changePassword(ApiRequest request) {
        ResolvedSession session = cookies.requireUserSession(request);
        ChangePasswordRequest body = request.body(ChangePasswordRequest.class);
        List<FieldViolation> missing = new ArrayList<>();
        if (body.currentPassword() == null) {
            missing.add(new FieldViolation("currentPassword", "is required"));
        }
        if (body.newPassword() == null) {
            missing.add(new FieldViolation("newPassword", "is required"));
        }
        if (!missing.isEmpty()) {
            throw HttpProblemException.invalid(missing);
        }
        User user = session.user().orElseThrow();
        IssuedSession renewed = useCases.changePassword().changePassword(new ChangePasswordCommand(user.id(),
                session.token(), body.currentPassword(), body.newPassword(), request.clientAddress(),
                request.header("User-Agent").orElse(null)));
        cookies.issue(request, renewed, Optional.of(user));
        return ApiResponse.noContent();
    }

    private ApiResponse dashboard(ApiRequest request) {
        Principal principal = request.requireUser();
        return ApiResponse.ok(DashboardResponse.from(
                useCases.dashboard().dashboard(new DashboardQuery(principal.userId()))));
    }

    private ApiResponse listSessions(ApiRequest request) {
        ResolvedSession session = cookies.requireUserSession(request);
        return ApiResponse.ok(SessionListResponse.from(useCases.listSessions().listSessions(
                new SessionsQuery(session.session().userId(), session.token()))));
    }

    private ApiResponse revokeSession(ApiRequest request) {
        ResolvedSession session = cookies.requireUserSession(request);
        useCases.revokeSession().revokeSession(new RevokeSessionCommand(session.session().userId(),
                request.pathParameter("id"), request.clientAddress()));
        return ApiResponse.noContent();
    }

    private ApiResponse revokeOtherSessions(ApiRequest request) {
        ResolvedSession session = cookies.requireUserSession(request);
        useCases.revokeOtherSessions().revokeOtherSessions(new RevokeOtherSessionsCommand(
                session.session().userId(), session.token(), request.clientAddress()));
        return ApiResponse.noContent();
    }

    private ApiResponse requestPasswordReset(ApiRequest request) {
        PasswordResetRequest body = request.body(PasswordResetRequest.class);
        useCases.requestPasswordReset().requestPasswordReset(
                new RequestPasswordResetCommand(body.email(), request.clientAddress()));
        return ApiResponse.accepted(MessageResponse.from(RESET_ACCEPTED));
    }

    private ApiResponse confirmPasswordReset(ApiRequest request) {
        PasswordResetConfirmRequest body = request.body(PasswordResetConfirmRequest.class);
        List<FieldViolation> missing = new ArrayList<>();
        if (body.token() == null) {
            missing.add(new FieldViolation("token", "is required"));
        }
        if (body.newPassword() == null) {
            missing.add(new FieldViolation("newPassword", "is required"));
        }
        if (!missing.isEmpty()) {
            throw HttpProblemException.invalid(missing);
        }
        useCases.confirmPasswordReset().confirmPasswordReset(new ConfirmPasswordResetCommand(body.token(),
                body.newPassword(), request.clientAddress()));
        return ApiResponse.noContent();
    }
}
