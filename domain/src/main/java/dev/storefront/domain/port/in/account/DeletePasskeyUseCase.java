package dev.storefront.domain.port.in.account;

import dev.storefront.domain.user.UserId;
import java.util.Objects;

/** Removes one of the caller's passkeys; the passkey count moves in the same transaction. */
@FunctionalInterface
public interface DeletePasskeyUseCase {
    /** @throws dev.storefront.domain.passkey.PasskeyNotFound when the id is none of the caller's */
    void deletePasskey(DeletePasskeyCommand command);

    /** {@code passkeyId} as the client named it (not necessarily a number). */
    record DeletePasskeyCommand(UserId userId, String passkeyId, String clientAddress) {
        public DeletePasskeyCommand {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(passkeyId, "passkeyId");
        }
    }
}
