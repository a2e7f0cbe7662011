package dev.storefront.application.account;

import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.passkey.PasskeyId;
import dev.storefront.domain.passkey.PasskeyNotFound;
import dev.storefront.domain.port.in.account.DeletePasskeyUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.PasskeyRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.User;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;

/** Deletes one of the caller's passkeys and writes the new count under the user's row lock. */
public final class DeletePasskeyService implements DeletePasskeyUseCase {
    private final Transactions transactions;
    private final UserRepository users;
    private final PasskeyRepository passkeys;
    private final TimeSource time;
    private final Audit audit;

    @Inject
    public DeletePasskeyService(Transactions transactions, UserRepository users, PasskeyRepository passkeys,
                                AccountEvents events, TimeSource time) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.time = Objects.requireNonNull(time, "time");
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
    }

    @Override
    public void deletePasskey(DeletePasskeyCommand command) {
        PasskeyId id = parse(command.passkeyId());
        Instant now = time.now();
        transactions.inTransaction(() -> {
            User user = users.findByIdForUpdate(command.userId()) // the count is written back below
                    .orElseThrow(() -> new NotAuthenticatedException("Login required"));
            if (!passkeys.delete(user.id(), id)) {
                throw new PasskeyNotFound();
            }
            users.update(user.withSecondFactors(user.secondFactors().withPasskeys(passkeys.findByUser(user.id()).size())));
            return null;
        });
        audit.record(AccountEvents.Type.PASSKEY_REMOVED, now, command.userId(), command.clientAddress());
    }

    /** A positive number of at most 18 digits, or no passkey of anyone's. */
    private static PasskeyId parse(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || Long.parseLong(text) == 0) {
            throw new PasskeyNotFound();
        }
        return new PasskeyId(Long.parseLong(text));
    }
}
