package dev.storefront.application.account;

import dev.storefront.domain.port.in.account.RevokeOtherSessionsUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.Objects;

public final class RevokeOtherSessionsService implements RevokeOtherSessionsUseCase {
    private final Transactions transactions;
    private final SessionRepository sessions;
    private final TokenGenerator tokens;
    private final TimeSource time;
    private final Audit audit;

    @Inject
    public RevokeOtherSessionsService(Transactions transactions, SessionRepository sessions, TokenGenerator tokens,
                                      AccountEvents events, TimeSource time) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.time = Objects.requireNonNull(time, "time");
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
    }

    @Override
    public int revokeOtherSessions(RevokeOtherSessionsCommand command) {
        var keep = tokens.digest(command.currentSession().value());
        int ended = transactions.inTransaction(() -> sessions.deleteByUserExcept(command.userId(), keep));
        if (ended > 0) {
            audit.record(AccountEvents.Type.SESSION_REVOKED, time.now(), command.userId(), command.clientAddress());
        }
        return ended;
    }
}
