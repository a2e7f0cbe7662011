package dev.storefront.domain.port.in.account;

import dev.storefront.domain.address.Address;
import dev.storefront.domain.cart.CartView;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.port.in.account.ListSessionsUseCase.SessionSummary;
import dev.storefront.domain.session.SessionToken;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UserId;
import dev.storefront.domain.passkey.Passkey;
import java.util.List;
import java.util.Objects;

/** Everything stored about the caller, read on one snapshot; limited per account. */
@FunctionalInterface
public interface ExportAccountDataUseCase {
    /**
     * @throws dev.storefront.domain.common.NotAuthenticatedException when the user is gone
     * @throws dev.storefront.domain.user.DataExportThrottled 429
     */
    AccountData export(AccountDataQuery query);

    /** @param currentSession marks the calling session among the exported ones */
    record AccountDataQuery(UserId userId, SessionToken currentSession) {
        public AccountDataQuery {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(currentSession, "currentSession");
        }
    }

    /**
     * The export. A new kind of personal data (passkeys, addresses) is a component here, filled
     * by the service and rendered by the HTTP adapter's export response.
     *
     * @param sessions every stored session, expired but not yet swept ones too, newest first
     * @param orders   every order, newest first, with its lines
     * @param passkeys every registered passkey (names and times; the key material stays out of it)
     * @param addresses the address book, the default first (orders keep their own address snapshots)
     */
    record AccountData(User profile, List<SessionSummary> sessions, List<Order> orders, CartView cart,
                       List<Passkey> passkeys, List<Address> addresses) {
        public AccountData {
            addresses = List.copyOf(addresses);
            Objects.requireNonNull(profile, "profile");
            sessions = List.copyOf(sessions);
            passkeys = List.copyOf(passkeys);
            orders = List.copyOf(orders);
            Objects.requireNonNull(cart, "cart");
        }
    }
}
