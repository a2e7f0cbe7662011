package dev.storefront.bootstrap;

import dev.storefront.application.account.DeleteAccountService;
import dev.storefront.application.account.ExportAccountDataService;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.port.out.PersonalDataEraser;
import dev.storefront.http.account.AccountDataRoutes;
import dev.storefront.persistence.jdbi.Database;
import dev.storefront.persistence.jdbi.JdbiRateLimiter;
import java.util.List;

/** Export and deletion of an account ("Your data" of api.md), on the other modules' ports. */
final class AccountDataModule {
    final AccountDataUseCases useCases;

    AccountDataModule(Database database, StorefrontBuilder builder, AccountsModule accounts, CartModule cart,
                      OrdersModule orders, AddressesModule addresses) {
        AccountsModule.AccountPorts ports = accounts.ports;
        // Everything of a user that a deletion erases besides the user row (which becomes a
        // tombstone the orders keep referring to): one line per kind of data, all in one transaction.
        List<PersonalDataEraser> erasers = List.of(
                ports.sessions()::deleteByUser,
                ports.resetTokens()::deleteByUser,
                user -> orders.carts.delete(CartOwner.user(user)),
                orders.idempotencyKeys::deleteAllOf,
                ports.passkeys()::deleteAllOf,
                ports.totp()::deleteAllOf,
                ports.verificationTokens()::deleteAllOf,
                // Orders keep their shipping-address snapshots: they are the shop's records, like the orders.
                addresses.addresses::deleteAllOf);
        useCases = new AccountDataUseCases(
                new ExportAccountDataService(database.transactions(), ports.users(), ports.sessions(),
                        orders.orderRepository, ports.passkeys(), addresses.addresses, cart.useCases.getCart(), ports.tokens(),
                        new JdbiRateLimiter(database, "data-export"), ports.events(), builder.timeSource),
                new DeleteAccountService(database.transactions(), database.locks(), ports.users(), erasers,
                        ports.hasher(), ports.throttle(), ports.events(), builder.timeSource));
    }

    AccountDataRoutes.UseCases routeUseCases() {
        return new AccountDataRoutes.UseCases(useCases.exportData(), useCases.deleteAccount());
    }
}
