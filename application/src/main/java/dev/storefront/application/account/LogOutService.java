package dev.storefront.application.account;

import dev.storefront.domain.port.in.account.LogOutUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.session.Session;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

public final class LogOutService implements LogOutUseCase {
    private final Transactions transactions;
    private final SessionRepository sessions;
    private final TokenGenerator tokens;
    private final TimeSource time;
    private final Audit audit;

    @Inject
    public LogOutService(Transactions transactions, SessionRepository sessions, TokenGenerator tokens,
                         AccountEvents events, TimeSource time) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.time = Objects.requireNonNull(time, "time");
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
    }

    @Override
    public void logOut(LogOutCommand command) {
        if (command.session().isEmpty()) {
            return;
        }
        Instant now = time.now();
        var digest = tokens.digest(command.session().get().value());
        Optional<Session> ended = transactions.inTransaction(() -> {
            Optional<Session> session = sessions.findByDigest(digest);
            session.ifPresent(s -> sessions.delete(s.digest()));
            return session;
        });
        ended.flatMap(Session::user).ifPresent(user ->
                audit.record(AccountEvents.Type.LOGGED_OUT, now, user, command.clientAddress()));
    }
}
