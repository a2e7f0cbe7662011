package dev.storefront.application.account;

import dev.storefront.domain.port.in.account.RevokeSessionUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.session.SessionNotFound;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;

public final class RevokeSessionService implements RevokeSessionUseCase {
    private final Transactions transactions;
    private final SessionRepository sessions;
    private final TimeSource time;
    private final Audit audit;

    @Inject
    public RevokeSessionService(Transactions transactions, SessionRepository sessions, AccountEvents events,
                                TimeSource time) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.time = Objects.requireNonNull(time, "time");
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
    }

    @Override
    public void revokeSession(RevokeSessionCommand command) {
        if (!SessionHandle.isValid(command.handle())) {
            throw new SessionNotFound();
        }
        SessionHandle handle = new SessionHandle(command.handle());
        if (!transactions.inTransaction(() -> sessions.deleteByHandle(command.userId(), handle))) {
            throw new SessionNotFound();
        }
        Instant now = time.now();
        audit.record(AccountEvents.Type.SESSION_REVOKED, now, command.userId(), command.clientAddress());
    }
}
