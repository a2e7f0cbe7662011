package dev.storefront.application.account;

import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.port.out.OneTimeCodes;
import dev.storefront.domain.port.out.SecretSealer;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.TotpRepository;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.LoginThrottled;
import dev.storefront.domain.user.RecoveryCode;
import dev.storefront.domain.user.Totp;
import dev.storefront.domain.user.TotpCredential;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Checks and uses up second-factor codes. A TOTP code is accepted for a step of the window around
 * now that no code was accepted for yet (the repository's conditional write decides, so of two
 * concurrent uses one wins); a recovery code once. Wrong codes count against the account's login
 * throttle exactly like wrong passwords ({@link #attempt}).
 */
final class SecondFactorCheck {
    /** Thrown inside the transaction of an attempt: rolls it back, and {@link #attempt} counts it. */
    static final class WrongCode extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrongCode() {
            super("wrong second-factor code", null, false, false);
        }
    }

    private final TotpRepository totp;
    private final OneTimeCodes codes;
    private final SecretSealer sealer;
    private final TokenGenerator tokens;
    private final LoginThrottle throttle;
    private final Audit audit;

    SecondFactorCheck(TotpRepository totp, OneTimeCodes codes, SecretSealer sealer, TokenGenerator tokens,
                      LoginThrottle throttle, Audit audit) {
        this.totp = totp;
        this.codes = codes;
        this.sealer = sealer;
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** What a sealed secret is bound to: it opens for this user's row only. */
    static String sealingContext(UserId user) {
        return "totp-secret:user:" + user.value();
    }

    String seal(UserId user, byte[] secret) {
        return sealer.seal(secret, sealingContext(user));
    }

    /**
     * Must run in a write transaction. Uses up the step of {@code code} for the user's credential
     * (confirmed or, with {@code confirmed} false, pending).
     *
     * @throws WrongCode when there is no such credential, or the code is wrong, too far off, or of a used step
     */
    void useTotpCode(UserId user, boolean confirmed, String code, Instant now) {
        TotpCredential credential = totp.find(user).filter(c -> c.confirmed() == confirmed).orElseThrow(WrongCode::new);
        byte[] secret = sealer.open(credential.sealedSecret(), sealingContext(user));
        try {
            OptionalLong step = Totp.matchingStep(code, now, s -> codes.totpCode(secret, s));
            if (step.isEmpty() || !totp.useStep(user, step.getAsLong())) {
                throw new WrongCode();
            }
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** Must run in a write transaction. @throws WrongCode unless it is one of the user's unused recovery codes */
    void useRecoveryCode(UserId user, String typed) {
        Optional<TokenDigest> digest = RecoveryCode.normalise(typed).map(tokens::digest);
        if (digest.isEmpty() || !totp.useRecoveryCode(user, digest.get())) {
            throw new WrongCode();
        }
    }

    /** Must run in a write transaction. Ten new recovery codes replace the user's; @return them as shown */
    List<String> newRecoveryCodes(UserId user) {
        List<String> shown = new ArrayList<>(RecoveryCode.COUNT);
        List<TokenDigest> stored = new ArrayList<>(RecoveryCode.COUNT);
        for (int i = 0; i < RecoveryCode.COUNT; i++) {
            String code = codes.newRecoveryCode();
            shown.add(code);
            stored.add(tokens.digest(RecoveryCode.normalise(code).orElseThrow()));
        }
        totp.replaceRecoveryCodes(user, stored);
        return List.copyOf(shown);
    }

    /**
     * Runs an attempt that uses a code under the account's login throttle: refused while throttled
     * (429, whatever the code); a {@link WrongCode} inside counts as a failed login, is audited
     * and becomes {@code whenWrong}'s exception. A success resets this address's count only with
     * {@code successResets} (a completed login), as a correct password does.
     */
    <T> T attempt(User user, String clientAddress, Instant now, boolean successResets, Supplier<T> attempt,
                  Supplier<? extends RuntimeException> whenWrong) {
        String account = LogInService.accountKey(user);
        String address = clientAddress == null ? "local" : clientAddress;
        Optional<Duration> wait = throttle.begin(account, address, now);
        if (wait.isPresent()) {
            audit.record(AccountEvents.Type.LOGIN_THROTTLED, now, user.id(), clientAddress);
            throw new LoginThrottled(wait.get());
        }
        T result;
        try {
            result = attempt.get();
        } catch (WrongCode wrong) {
            throttle.recordFailure(account, address, now);
            audit.record(AccountEvents.Type.MFA_FAILED, now, user.id(), clientAddress);
            throw whenWrong.get();
        } catch (RuntimeException | Error e) {
            throttle.release(account, address);
            throw e;
        }
        if (successResets) {
            throttle.recordSuccess(account, address, now);
        } else {
            throttle.release(account, address);
        }
        return result;
    }
}
