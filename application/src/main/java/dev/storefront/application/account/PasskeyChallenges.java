package dev.storefront.application.account;

import dev.storefront.domain.passkey.ChallengePurpose;
import dev.storefront.domain.passkey.PasskeyChallenge;
import dev.storefront.domain.passkey.PasskeyRules;
import dev.storefront.domain.port.out.PasskeyChallengeRepository;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.session.SessionHandle;
import java.time.Instant;
import java.util.Optional;

/** Issues and uses up the challenges of the passkey services: 32 random bytes, one per session and purpose. */
final class PasskeyChallenges {
    private final Transactions transactions;
    private final PasskeyChallengeRepository challenges;
    private final TokenGenerator tokens;

    PasskeyChallenges(Transactions transactions, PasskeyChallengeRepository challenges, TokenGenerator tokens) {
        this.transactions = transactions;
        this.challenges = challenges;
        this.tokens = tokens;
    }

    /** Must run inside a write transaction. */
    PasskeyChallenge issue(SessionHandle session, ChallengePurpose purpose, Instant now) {
        PasskeyChallenge challenge = new PasskeyChallenge(tokens.newSecret()); // 32 bytes, base64url
        challenges.issue(session, purpose, challenge, now.plus(PasskeyRules.CHALLENGE_LIFETIME));
        return challenge;
    }

    /**
     * Uses up the session's challenge in a transaction of its own, committed before the response
     * is verified: a response that fails verification has still spent it.
     */
    Optional<PasskeyChallenge> consume(SessionHandle session, ChallengePurpose purpose, Instant now) {
        return transactions.inTransaction(() -> challenges.consume(session, purpose, now));
    }
}
