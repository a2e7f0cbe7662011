package dev.storefront.application.account;

import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.passkey.ChallengePurpose;
import dev.storefront.domain.passkey.NewPasskey;
import dev.storefront.domain.passkey.Passkey;
import dev.storefront.domain.passkey.PasskeyChallenge;
import dev.storefront.domain.passkey.PasskeyRejected;
import dev.storefront.domain.passkey.PasskeyRules;
import dev.storefront.domain.passkey.TooManyPasskeys;
import dev.storefront.domain.port.in.account.RegisterPasskeyUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.PasskeyChallengeRepository;
import dev.storefront.domain.port.out.PasskeyRepository;
import dev.storefront.domain.port.out.PasskeyVerifier;
import dev.storefront.domain.port.out.PasskeyVerifier.VerifiedRegistration;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.User;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;

/**
 * Registers a passkey: the name is checked first (a bad one spends nothing), then the session's
 * challenge is used up, the response verified, and the passkey stored with the user's count under
 * the user's row lock (so the cap holds under concurrent registrations).
 */
public final class RegisterPasskeyService implements RegisterPasskeyUseCase {
    static final String NO_CHALLENGE = "answers no live challenge of this session (used, expired or never"
            + " issued): ask for new options";
    private final Transactions transactions;
    private final UserRepository users;
    private final PasskeyRepository passkeys;
    private final PasskeyChallenges challenges;
    private final PasskeyVerifier verifier;
    private final TimeSource time;
    private final Audit audit;

    @Inject
    public RegisterPasskeyService(Transactions transactions, UserRepository users, PasskeyRepository passkeys,
                                  PasskeyChallengeRepository challenges, PasskeyVerifier verifier,
                                  TokenGenerator tokens, AccountEvents events, TimeSource time) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.challenges = new PasskeyChallenges(transactions, Objects.requireNonNull(challenges, "challenges"),
                Objects.requireNonNull(tokens, "tokens"));
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.time = Objects.requireNonNull(time, "time");
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
    }

    @Override
    public Passkey registerPasskey(RegisterPasskeyCommand command) {
        Instant now = time.now();
        String name = PasskeyRules.name(command.name());
        PasskeyChallenge challenge = challenges.consume(command.session(), ChallengePurpose.REGISTRATION, now)
                .orElseThrow(() -> new InvalidInputException("credential", NO_CHALLENGE));
        VerifiedRegistration verified;
        try {
            verified = verifier.verifyRegistration(command.credentialJson(), challenge);
        } catch (PasskeyRejected rejected) {
            throw new InvalidInputException("credential", rejected.reason().message());
        }
        Passkey added = transactions.inTransaction(() -> {
            User user = users.findByIdForUpdate(command.userId()) // the count is written back below
                    .orElseThrow(() -> new NotAuthenticatedException("Login required"));
            int count = passkeys.findByUser(user.id()).size();
            if (count >= PasskeyRules.MAX_PER_USER) {
                throw new TooManyPasskeys();
            }
            Passkey passkey = passkeys.add(new NewPasskey(user.id(), verified.credentialId(),
                    verified.credentialData(), verified.signCount(), name, now));
            users.update(user.withSecondFactors(user.secondFactors().withPasskeys(count + 1)));
            return passkey;
        });
        audit.record(AccountEvents.Type.PASSKEY_ADDED, now, command.userId(), command.clientAddress());
        return added;
    }
}
