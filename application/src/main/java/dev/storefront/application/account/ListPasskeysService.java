package dev.storefront.application.account;

import dev.storefront.domain.passkey.Passkey;
import dev.storefront.domain.port.in.account.ListPasskeysUseCase;
import dev.storefront.domain.port.out.PasskeyRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

/** The caller's passkeys. */
public final class ListPasskeysService implements ListPasskeysUseCase {
    private final Transactions transactions;
    private final PasskeyRepository passkeys;

    @Inject
    public ListPasskeysService(Transactions transactions, PasskeyRepository passkeys) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
    }

    @Override
    public List<Passkey> listPasskeys(UserId userId) {
        return transactions.readOnly(() -> passkeys.findByUser(userId));
    }
}
