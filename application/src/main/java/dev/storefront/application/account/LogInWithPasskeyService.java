package dev.storefront.application.account;

import dev.storefront.domain.passkey.ChallengePurpose;
import dev.storefront.domain.passkey.Passkey;
import dev.storefront.domain.passkey.PasskeyChallenge;
import dev.storefront.domain.passkey.PasskeyLoginFailed;
import dev.storefront.domain.passkey.PasskeyRejected;
import dev.storefront.domain.port.in.account.LogInUseCase.LoggedIn;
import dev.storefront.domain.port.in.account.LogInWithPasskeyUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.GuestSessionHandover;
import dev.storefront.domain.port.out.PasskeyChallengeRepository;
import dev.storefront.domain.port.out.PasskeyRepository;
import dev.storefront.domain.port.out.PasskeyVerifier;
import dev.storefront.domain.port.out.PasskeyVerifier.ClaimedAssertion;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.InvalidCredentials;
import dev.storefront.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Login with a discoverable passkey. In order: the session's login challenge is used up (in its own
 * transaction, so a failed attempt spends it too), the assertion read, its credential found, its
 * user handle matched to the credential's user, the signature verified, the counter checked; then
 * the counter and last use are written with a compare-and-set and {@link LoginCompletion} issues
 * the new session, in one transaction. Every failure is the same {@link PasskeyLoginFailed}.
 *
 * <p>Failures are audited but not counted on the login throttle: a signature cannot be guessed,
 * and every attempt needs a fresh single-use challenge; counting them would let anyone holding a
 * credential id lock the owner's password login. A disabled account (a later issue) must be
 * refused here, after a valid assertion, with 403.
 */
public final class LogInWithPasskeyService implements LogInWithPasskeyUseCase {
    private final Transactions transactions;
    private final PasskeyRepository passkeys;
    private final PasskeyChallenges challenges;
    private final PasskeyVerifier verifier;
    private final TimeSource time;
    private final LoginCompletion completion;
    private final Audit audit;

    @Inject
    public LogInWithPasskeyService(Transactions transactions, UserRepository users, SessionRepository sessions,
                                   PasskeyRepository passkeys, PasskeyChallengeRepository challenges,
                                   PasskeyVerifier verifier, TokenGenerator tokens, GuestSessionHandover handover,
                                   AccountEvents events, TimeSource time, AccountSettings settings) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.challenges = new PasskeyChallenges(transactions, Objects.requireNonNull(challenges, "challenges"),
                Objects.requireNonNull(tokens, "tokens"));
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.time = Objects.requireNonNull(time, "time");
        this.completion = new LoginCompletion(Objects.requireNonNull(users, "users"),
                Objects.requireNonNull(sessions, "sessions"), tokens, Objects.requireNonNull(handover, "handover"),
                settings.sessions());
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
    }

    @Override
    public LoggedIn logInWithPasskey(PasskeyLoginCommand command) {
        Instant now = time.now();
        UserId claimed = null;
        try {
            PasskeyChallenge challenge = challenges.consume(command.session(), ChallengePurpose.LOGIN, now)
                    .orElseThrow(PasskeyLoginFailed::new);
            ClaimedAssertion assertion = verifier.readAssertion(command.credentialJson());
            Passkey passkey = transactions.readOnly(() -> passkeys.findByCredentialId(assertion.credentialId()))
                    .orElseThrow(PasskeyLoginFailed::new);
            claimed = passkey.userId();
            String handle = assertion.userHandle().orElseThrow(PasskeyLoginFailed::new);
            Optional<UserId> owner = transactions.readOnly(() -> passkeys.findUserByHandle(handle));
            if (owner.isEmpty() || !owner.get().equals(passkey.userId())) {
                throw new PasskeyLoginFailed();
            }
            long counter = verifier.verifyAssertion(command.credentialJson(), challenge, passkey);
            if (!passkey.acceptsCounter(counter)) {
                throw new PasskeyLoginFailed();
            }
            LoggedIn loggedIn = transactions.inTransaction(() -> {
                if (!passkeys.recordUse(passkey.id(), passkey.signCount(), counter, now)) {
                    throw new PasskeyLoginFailed(); // deleted, or used by a concurrent login meanwhile
                }
                return completion.complete(passkey.userId(), user -> true, Optional.empty(),
                        Optional.of(command.sessionToken()), command.userAgent(), now);
            });
            audit.record(AccountEvents.Type.PASSKEY_USED, now, passkey.userId(), command.clientAddress());
            audit.record(AccountEvents.Type.LOGGED_IN, now, passkey.userId(), command.clientAddress());
            return loggedIn;
        } catch (PasskeyLoginFailed | PasskeyRejected | InvalidCredentials failed) { // the user went meanwhile: the same 401
            audit.record(AccountEvents.Type.PASSKEY_LOGIN_FAILED, now, claimed, command.clientAddress());
            throw new PasskeyLoginFailed();
        }
    }
}
