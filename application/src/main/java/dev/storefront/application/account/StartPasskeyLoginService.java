package dev.storefront.application.account;

import dev.storefront.domain.passkey.ChallengePurpose;
import dev.storefront.domain.passkey.PasskeyRequestOptions;
import dev.storefront.domain.passkey.RelyingParty;
import dev.storefront.domain.port.in.account.StartPasskeyLoginUseCase;
import dev.storefront.domain.port.out.PasskeyChallengeRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.session.SessionHandle;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;

/** The options of {@code navigator.credentials.get()}: a challenge bound to the client's session. */
public final class StartPasskeyLoginService implements StartPasskeyLoginUseCase {
    private final Transactions transactions;
    private final PasskeyChallenges challenges;
    private final TimeSource time;
    private final RelyingParty relyingParty;

    @Inject
    public StartPasskeyLoginService(Transactions transactions, PasskeyChallengeRepository challenges,
                                    TokenGenerator tokens, TimeSource time, RelyingParty relyingParty) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.challenges = new PasskeyChallenges(transactions, Objects.requireNonNull(challenges, "challenges"),
                Objects.requireNonNull(tokens, "tokens"));
        this.time = Objects.requireNonNull(time, "time");
        this.relyingParty = Objects.requireNonNull(relyingParty, "relyingParty");
    }

    @Override
    public PasskeyRequestOptions startPasskeyLogin(SessionHandle session) {
        Instant now = time.now();
        return new PasskeyRequestOptions(relyingParty.id(),
                transactions.inTransaction(() -> challenges.issue(session, ChallengePurpose.LOGIN, now)));
    }
}
