package dev.storefront.application.account;

import dev.storefront.domain.port.in.account.LogInUseCase.LoggedIn;
import dev.storefront.domain.port.out.GuestSessionHandover;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.session.IssuedSession;
import dev.storefront.domain.session.Session;
import dev.storefront.domain.session.SessionPolicy;
import dev.storefront.domain.session.SessionToken;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.InvalidCredentials;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The last step of every way of logging in (password, second factor, passkey): the login time is
 * recorded, a new session is issued, and the client's previous session ends, a guest's after its
 * cart was handed over (fixation protection). One implementation, so the ways cannot drift apart.
 */
final class LoginCompletion {
    private final UserRepository users;
    private final SessionRepository sessions;
    private final TokenGenerator tokens;
    private final GuestSessionHandover handover;
    private final SessionPolicy policy;
    private final SessionIssuer issuer;

    LoginCompletion(UserRepository users, SessionRepository sessions, TokenGenerator tokens,
                    GuestSessionHandover handover, SessionPolicy policy) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.handover = handover;
        this.policy = policy;
        this.issuer = new SessionIssuer(sessions, tokens, policy);
    }

    /**
     * Must run inside a write transaction.
     *
     * @param stillValid what must still hold of the user as now committed (for example: the password
     *                   that was verified is still theirs); otherwise the login is refused
     * @param upgraded   a stronger hash of the verified password, to store with the login
     * @param previous   the session cookie the client sent, if any
     * @throws InvalidCredentials when the user is gone or no longer passes {@code stillValid}
     */
    LoggedIn complete(UserId id, Predicate<User> stillValid, Optional<PasswordHash> upgraded,
                      Optional<SessionToken> previous, String userAgent, Instant now) {
        return completeAfter(id, stillValid, upgraded, previous.map(token -> tokens.digest(token.value())), userAgent,
                now);
    }

    /** {@link #complete}, the previous session named by its digest (a pending login's guest session). */
    LoggedIn completeAfter(UserId id, Predicate<User> stillValid, Optional<PasswordHash> upgraded,
                           Optional<TokenDigest> previous, String userAgent, Instant now) {
        User current = users.findByIdForUpdate(id) // written back whole below
                .filter(stillValid)
                .orElseThrow(InvalidCredentials::new);
        User updated = current.loggedInAt(now);
        if (upgraded.isPresent()) {
            updated = updated.withPasswordHash(upgraded.get());
        }
        users.update(updated);
        Optional<Session> old = previous.flatMap(sessions::findByDigest);
        IssuedSession issued = issuer.issue(id, userAgent, now);
        if (old.isPresent()) {
            Session session = old.get();
            if (session.isGuest() && session.isActiveAt(now, policy)) {
                handover.guestLoggedIn(session.handle(), issued.session().handle(), id);
            }
            sessions.delete(session.digest());
        }
        return new LoggedIn(updated, issued);
    }
}
