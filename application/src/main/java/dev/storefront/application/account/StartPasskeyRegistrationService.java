package dev.storefront.application.account;

import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.passkey.ChallengePurpose;
import dev.storefront.domain.passkey.Passkey;
import dev.storefront.domain.passkey.PasskeyCreationOptions;
import dev.storefront.domain.passkey.RelyingParty;
import dev.storefront.domain.port.in.account.StartPasskeyRegistrationUseCase;
import dev.storefront.domain.port.out.PasskeyChallengeRepository;
import dev.storefront.domain.port.out.PasskeyRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.User;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;

/**
 * The options of {@code navigator.credentials.create()}: the user's handle (made at the first
 * call, random), a challenge bound to the caller's session, and the passkeys the user has.
 */
public final class StartPasskeyRegistrationService implements StartPasskeyRegistrationUseCase {
    private final Transactions transactions;
    private final UserRepository users;
    private final PasskeyRepository passkeys;
    private final TokenGenerator tokens;
    private final PasskeyChallenges challenges;
    private final TimeSource time;
    private final RelyingParty relyingParty;

    @Inject
    public StartPasskeyRegistrationService(Transactions transactions, UserRepository users, PasskeyRepository passkeys,
                                           PasskeyChallengeRepository challenges, TokenGenerator tokens,
                                           TimeSource time, RelyingParty relyingParty) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.challenges = new PasskeyChallenges(transactions, Objects.requireNonNull(challenges, "challenges"), tokens);
        this.time = Objects.requireNonNull(time, "time");
        this.relyingParty = Objects.requireNonNull(relyingParty, "relyingParty");
    }

    @Override
    public PasskeyCreationOptions startPasskeyRegistration(StartPasskeyRegistrationCommand command) {
        Instant now = time.now();
        return transactions.inTransaction(() -> {
            User user = users.findById(command.userId())
                    .orElseThrow(() -> new NotAuthenticatedException("Login required"));
            String handle = passkeys.userHandle(user.id(), tokens.newSecret());
            return new PasskeyCreationOptions(relyingParty, handle, user.username().value(),
                    challenges.issue(command.session(), ChallengePurpose.REGISTRATION, now),
                    passkeys.findByUser(user.id()).stream().map(Passkey::credentialId).toList());
        });
    }
}
