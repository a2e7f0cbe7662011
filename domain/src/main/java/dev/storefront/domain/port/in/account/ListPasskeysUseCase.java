package dev.storefront.domain.port.in.account;

import dev.storefront.domain.passkey.Passkey;
import dev.storefront.domain.user.UserId;
import java.util.List;

/** The caller's passkeys, oldest first. */
@FunctionalInterface
public interface ListPasskeysUseCase {
    List<Passkey> listPasskeys(UserId userId);
}
