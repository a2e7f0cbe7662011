package dev.storefront.bootstrap;

import dev.storefront.domain.port.in.account.ChangePasswordUseCase;
import dev.storefront.domain.port.in.account.ConfirmEmailVerificationUseCase;
import dev.storefront.domain.port.in.account.ConfirmPasswordResetUseCase;
import dev.storefront.domain.port.in.account.GetCurrentUserUseCase;
import dev.storefront.domain.port.in.account.GetDashboardUseCase;
import dev.storefront.domain.port.in.account.GrantAdminUseCase;
import dev.storefront.domain.port.in.account.ListSessionsUseCase;
import dev.storefront.domain.port.in.account.LogInUseCase;
import dev.storefront.domain.port.in.account.LogOutUseCase;
import dev.storefront.domain.port.in.account.RegisterUserUseCase;
import dev.storefront.domain.port.in.account.RequestEmailVerificationUseCase;
import dev.storefront.domain.port.in.account.RequestPasswordResetUseCase;
import dev.storefront.domain.port.in.account.ResolveSessionUseCase;
import dev.storefront.domain.port.in.account.RevokeOtherSessionsUseCase;
import dev.storefront.domain.port.in.account.RevokeSessionUseCase;
import dev.storefront.domain.port.in.account.StartGuestSessionUseCase;
import dev.storefront.domain.port.in.account.SweepExpiredSessionsUseCase;
import dev.storefront.domain.port.in.account.UpdateProfileUseCase;
import dev.storefront.domain.port.in.account.CompleteMfaLoginUseCase;
import dev.storefront.domain.port.in.account.ConfirmTotpUseCase;
import dev.storefront.domain.port.in.account.DisableMfaUseCase;
import dev.storefront.domain.port.in.account.EnrolTotpUseCase;
import dev.storefront.domain.port.in.account.RegenerateRecoveryCodesUseCase;

/** The account use cases, as {@code storefront.accounts()} gives them. */
public record AccountUseCases(
        RegisterUserUseCase registerUser,
        LogInUseCase logIn,
        LogOutUseCase logOut,
        ResolveSessionUseCase resolveSession,
        StartGuestSessionUseCase startGuestSession,
        GetCurrentUserUseCase currentUser,
        GetDashboardUseCase dashboard,
        UpdateProfileUseCase updateProfile,
        ChangePasswordUseCase changePassword,
        RequestPasswordResetUseCase requestPasswordReset,
        ConfirmPasswordResetUseCase confirmPasswordReset,
        ListSessionsUseCase listSessions,
        RevokeSessionUseCase revokeSession,
        RevokeOtherSessionsUseCase revokeOtherSessions,
        GrantAdminUseCase grantAdmin,
        SweepExpiredSessionsUseCase sweepExpiredSessions,
        EnrolTotpUseCase enrolTotp,
        ConfirmTotpUseCase confirmTotp,
        RegenerateRecoveryCodesUseCase regenerateRecoveryCodes,
        DisableMfaUseCase disableMfa,
        CompleteMfaLoginUseCase completeMfaLogin,
        RequestEmailVerificationUseCase requestEmailVerification,
        ConfirmEmailVerificationUseCase confirmEmailVerification) {}
