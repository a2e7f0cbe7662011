package dev.storefront.http.common;

import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.port.in.account.LogOutUseCase;
import dev.storefront.domain.port.in.account.LogOutUseCase.LogOutCommand;
import dev.storefront.domain.port.in.account.ResolveSessionUseCase;
import dev.storefront.domain.port.in.account.ResolveSessionUseCase.ResolvedSession;
import dev.storefront.domain.port.in.account.ResolveSessionUseCase.SessionQuery;
import dev.storefront.domain.port.in.account.StartGuestSessionUseCase;
import dev.storefront.domain.port.in.account.StartGuestSessionUseCase.StartGuestSessionCommand;
import dev.storefront.domain.session.IssuedSession;
import dev.storefront.domain.session.SessionToken;
import dev.storefront.domain.user.User;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.CookieImpl;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The session cookie {@code SID} ({@code HttpOnly; SameSite=Lax; Path=/}, plus {@code Secure} when
 * configured) and the session behind it, resolved at most once per request. An expired or unknown
 * id counts as no session, and the response clears the cookie — whatever its status. Also the
 * {@link PrincipalResolver} of the API.
 *
 * <p>A request may carry several {@code SID} cookies (one planted for another path or a parent
 * domain, say): the first of them that names a live session is the request's session, and the
 * cookie is cleared only when none does, so a planted cookie can neither hide nor end the owner's
 * session. At most {@link #MOST_CONSIDERED} well-formed values are looked up (each may cost a read);
 * when more were sent, the request is anonymous, but nothing is cleared and no guest session is
 * started over them (400), since the unexamined one may be the owner's. The {@code Cookie} header is read here rather than by Undertow, whose parser keeps one
 * value per name and throws past 200 cookies (UT000046, which was a logged 500 on every route).
 *
 * <p>A login pending its second factor is a live session that no route sees ({@link #current} is
 * empty, {@link #presented} names it, its cookie stays): it grants nothing but its completion.
 *
 * <p>For features other than accounts: {@link #current} gives the request's session (guest or
 * user) if any; {@link #currentOrStartGuest} gives it or creates a guest session and sets the
 * cookie (a cart's first write); {@link #requireUserSession} is the logged-in user's session or 401.
 */
public final class SessionCookies implements PrincipalResolver {
    public static final String NAME = "SID";
    /** The most {@code SID} values looked up per request: each may cost a database read. */
    static final int MOST_CONSIDERED = 4;
    private static final AttachmentKey<Resolved> RESOLVED = AttachmentKey.create(Resolved.class);

    /**
     * {@code live}: the first presented session that exists, a login pending its second factor
     * included; {@code session}: the same unless it is such a pending login, which is no session
     * to any route (and not cleared either: {@code POST /api/login/mfa} needs it).
     */
    private record Resolved(Optional<ResolvedSession> session, Optional<ResolvedSession> live) {
        static Resolved of(Optional<ResolvedSession> live) {
            return new Resolved(live.filter(s -> !s.session().pendingSecondFactor()), live);
        }
    }

    /**
     * The {@code SID} cookies of a request: whether there was any, the well-formed values looked
     * up, and whether well-formed values past those went unexamined.
     */
    private record Sent(boolean any, List<SessionToken> tokens, boolean unexamined) {}

    private final ResolveSessionUseCase resolver;
    private final StartGuestSessionUseCase guests;
    private final LogOutUseCase ends;
    private final boolean secure;

    public SessionCookies(ResolveSessionUseCase resolver, StartGuestSessionUseCase guests, LogOutUseCase ends,
                          boolean secure) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.guests = Objects.requireNonNull(guests, "guests");
        this.ends = Objects.requireNonNull(ends, "ends");
        this.secure = secure;
    }

    /**
     * The session id the client sent: the live one among several, else the first that has the
     * shape of one (not checked against the store).
     */
    public Optional<SessionToken> presented(ApiRequest request) {
        current(request);
        return request.attachment(RESOLVED).live().map(ResolvedSession::token)
                .or(() -> sent(request.exchange()).tokens().stream().findFirst());
    }

    /** The request's live session (guest or user), resolved once; a dead cookie is cleared. */
    public Optional<ResolvedSession> current(ApiRequest request) {
        Resolved resolved = request.attachment(RESOLVED);
        if (resolved != null) {
            return resolved.session();
        }
        Sent sent = sent(request.exchange());
        Optional<ResolvedSession> live = sent.tokens().stream()
                .flatMap(token -> resolver.resolveSession(new SessionQuery(token)).stream())
                .findFirst();
        request.attach(RESOLVED, Resolved.of(live));
        if (sent.any() && live.isEmpty() && !sent.unexamined()) {
            clear(request);
        }
        return request.attachment(RESOLVED).session();
    }

    @Override
    public Optional<Principal> resolve(ApiRequest request) {
        return current(request).flatMap(ResolvedSession::user).map(user -> new Principal(user.id(), user.role()));
    }

    /** A cookie that names no live session is cleared on every answer, not only where a route looked. */
    @Override
    public void afterRoute(ApiRequest request) {
        if (sent(request.exchange()).any()) {
            current(request);
        }
    }

    /** The logged-in user's session; 401 for a guest or no session. */
    public ResolvedSession requireUserSession(ApiRequest request) {
        return current(request).filter(s -> s.user().isPresent())
                .orElseThrow(() -> new NotAuthenticatedException("Login required"));
    }

    /** The request's session, or a new guest session whose cookie this response sets. */
    public ResolvedSession currentOrStartGuest(ApiRequest request) {
        Optional<ResolvedSession> current = current(request);
        if (current.isPresent()) {
            return current.get();
        }
        if (sent(request.exchange()).unexamined()) {
            // The guest's cookie would replace one that was never looked at, perhaps the owner's.
            throw new HttpProblemException(ProblemType.VALIDATION, "The request carries more than " + MOST_CONSIDERED
                    + " SID cookies; remove the ones this site did not set");
        }
        IssuedSession issued = guests.startGuestSession(new StartGuestSessionCommand(
                request.header("User-Agent").orElse(null), request.clientAddress()));
        return issue(request, issued, Optional.empty());
    }

    /**
     * Runs {@code write} as the request's session, starting a guest session first when there is
     * none; if {@code write} is refused, a guest session started for it is ended again (and its
     * cookie cleared), so a refused request leaves no session behind.
     */
    public <T> T withCurrentOrNewGuest(ApiRequest request, java.util.function.Function<ResolvedSession, T> write) {
        boolean started = current(request).isEmpty();
        ResolvedSession session = currentOrStartGuest(request);
        try {
            return write.apply(session);
        } catch (RuntimeException refused) {
            if (started) {
                ends.logOut(new LogOutCommand(Optional.of(session.token()), request.clientAddress()));
                clear(request);
            }
            throw refused;
        }
    }

    /** Sets the cookie of a session just issued (login, password change) and makes it the request's session. */
    public ResolvedSession issue(ApiRequest request, IssuedSession issued, Optional<User> user) {
        long seconds = Math.max(1, Duration.between(Instant.now(), issued.session().expiresAt()).toSeconds());
        CookieImpl cookie = base(issued.token().value());
        cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, seconds));
        request.exchange().setResponseCookie(cookie);
        ResolvedSession session = new ResolvedSession(issued.token(), issued.session(), user);
        request.attach(RESOLVED, Resolved.of(Optional.of(session)));
        return session;
    }

    /** Tells the browser to forget the cookie; the request has no session from here on. */
    public void clear(ApiRequest request) {
        CookieImpl cookie = base("");
        cookie.setMaxAge(0);
        cookie.setExpires(new Date(0));
        request.exchange().setResponseCookie(cookie);
        request.attach(RESOLVED, Resolved.of(Optional.empty()));
    }

    /** The {@code SID} pairs of every {@code Cookie} header ({@code name=value; name=value}, RFC 6265). */
    private static Sent sent(HttpServerExchange exchange) {
        HeaderValues headers = exchange.getRequestHeaders().get(Headers.COOKIE);
        if (headers == null) {
            return new Sent(false, List.of(), false);
        }
        boolean any = false;
        boolean unexamined = false;
        Set<SessionToken> tokens = new LinkedHashSet<>();
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals < 0 || !pair.substring(0, equals).trim().equals(NAME)) {
                    continue;
                }
                any = true;
                // Taken as sent: the server never quotes an id, so a quoted one is not one of ours.
                Optional<SessionToken> token = SessionToken.parse(pair.substring(equals + 1).trim());
                if (token.isPresent() && !tokens.contains(token.get())) {
                    if (tokens.size() < MOST_CONSIDERED) {
                        tokens.add(token.get());
                    } else {
                        unexamined = true;
                    }
                }
            }
        }
        return new Sent(any, List.copyOf(tokens), unexamined);
    }

    private CookieImpl base(String value) {
        CookieImpl cookie = new CookieImpl(NAME, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setSameSiteMode("Lax");
        return cookie;
    }
}
