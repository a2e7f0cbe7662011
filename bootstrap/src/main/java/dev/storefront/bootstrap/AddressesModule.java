package dev.storefront.bootstrap;

import dev.storefront.application.address.AddAddressService;
import dev.storefront.application.address.DeleteAddressService;
import dev.storefront.application.address.ListAddressesService;
import dev.storefront.application.address.UpdateAddressService;
import dev.storefront.domain.port.out.AddressRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.http.address.AddressRoutes;
import dev.storefront.persistence.jdbi.Database;
import dev.storefront.persistence.jdbi.JdbiAddressRepository;

/** The address book ("Addresses" of api.md) on the JDBI adapter. */
final class AddressesModule {
    /** The users' address books, for the other modules (checkout's saved addresses, the account's export and deletion). */
    final AddressRepository addresses;
    final AddressUseCases useCases;

    AddressesModule(Database database, AccountsModule accounts) {
        Transactions tx = database.transactions();
        this.addresses = new JdbiAddressRepository(database);
        useCases = new AddressUseCases(
                new ListAddressesService(tx, addresses),
                new AddAddressService(tx, database.locks(), accounts.users, addresses),
                new UpdateAddressService(tx, database.locks(), accounts.users, addresses),
                new DeleteAddressService(tx, database.locks(), accounts.users, addresses));
    }

    AddressRoutes routes() {
        return new AddressRoutes(new AddressRoutes.UseCases(useCases.listAddresses(), useCases.addAddress(),
                useCases.updateAddress(), useCases.deleteAddress()));
    }
}
