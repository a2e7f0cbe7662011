package dev.storefront.application.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.address.Address;
import dev.storefront.domain.address.AddressBookFull;
import dev.storefront.domain.address.AddressId;
import dev.storefront.domain.address.AddressNotFound;
import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.port.in.address.AddAddressUseCase.AddAddressCommand;
import dev.storefront.domain.port.in.address.DeleteAddressUseCase.DeleteAddressCommand;
import dev.storefront.domain.port.in.address.UpdateAddressUseCase.UpdateAddressCommand;
import dev.storefront.domain.port.out.LockKey;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.NewUser;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.user.UserId;
import dev.storefront.domain.user.Username;
import dev.storefront.inmemory.InMemoryAddressRepository;
import dev.storefront.inmemory.InMemoryLocks;
import dev.storefront.inmemory.InMemoryTransactions;
import dev.storefront.inmemory.InMemoryUserRepository;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The address-book services on the in-memory fakes. */
class AddressServicesTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryLocks locks = new InMemoryLocks(transactions);
    private final InMemoryUserRepository users = new InMemoryUserRepository(transactions);
    private final InMemoryAddressRepository addresses = new InMemoryAddressRepository(transactions);
    private final ListAddressesService list = new ListAddressesService(transactions, addresses);
    private final AddAddressService add = new AddAddressService(transactions, locks, users, addresses);
    private final UpdateAddressService update = new UpdateAddressService(transactions, locks, users, addresses);
    private final DeleteAddressService delete = new DeleteAddressService(transactions, locks, users, addresses);
    private final UserId alice = user("alice");
    private final UserId bob = user("bob");

    private UserId user(String name) {
        return users.add(NewUser.customer(new Username(name), new Email(name + "@example.com"), new PasswordHash("x"),
                T0)).id();
    }

    private static PostalAddress postal(String name) {
        return PostalAddress.parse("", name, "1 Main St", null, "Springfield", null, "12345", "US", null);
    }

    private Address add(UserId user, String name, boolean makeDefault) {
        return add.addAddress(new AddAddressCommand(user, postal(name), makeDefault));
    }

    private static UpdateAddressCommand patch(UserId user, AddressId id, String name, String city, String country,
                                              Boolean makeDefault) {
        return new UpdateAddressCommand(user, id, name, null, null, city, null, null, country, null, makeDefault);
    }

    private List<String> namesOf(UserId user) {
        return list.listAddresses(user).stream().map(a -> a.postal().name() + (a.isDefault() ? "*" : "")).toList();
    }

    @Test
    void theFirstAddressBecomesTheDefaultAndLaterOnesDoNot() {
        Address first = add(alice, "Home", false);
        Address second = add(alice, "Work", false);
        assertTrue(first.isDefault());
        assertFalse(second.isDefault());
        assertEquals(List.of("Home*", "Work"), namesOf(alice));
    }

    @Test
    void addingWithDefaultMovesTheDefaultAndListsItFirst() {
        add(alice, "Home", false);
        Address work = add(alice, "Work", true);
        assertTrue(work.isDefault());
        assertEquals(List.of("Work*", "Home"), namesOf(alice));
    }

    @Test
    void everyWriteTakesTheUsersLockFirst() {
        Address home = add(alice, "Home", false);
        update.updateAddress(patch(alice, home.id(), "House", null, null, null));
        delete.deleteAddress(new DeleteAddressCommand(alice, home.id()));
        assertEquals(List.of(LockKey.user(alice), LockKey.user(alice), LockKey.user(alice)), locks.taken());
    }

    @Test
    void theTwentyFirstAddressIsRefusedAndNothingIsAdded() {
        for (int i = 0; i < Address.MAX_PER_USER; i++) {
            add(alice, "A" + i, false);
        }
        assertThrows(AddressBookFull.class, () -> add(alice, "One too many", true));
        assertEquals(Address.MAX_PER_USER, list.listAddresses(alice).size());
        assertEquals("A0*", namesOf(alice).get(0), "the refused add did not move the default");
        add(bob, "Bob's", false); // the limit is per user
    }

    @Test
    void aPatchChangesOnlyTheGivenFields() {
        Address home = add(alice, "Home", false);
        Address changed = update.updateAddress(patch(alice, home.id(), null, "  Shelbyville ", "de", null));
        assertEquals("Home", changed.postal().name());
        assertEquals("1 Main St", changed.postal().line1());
        assertEquals("Shelbyville", changed.postal().city());
        assertEquals("DE", changed.postal().country().code());
        assertTrue(changed.isDefault());
        assertEquals(List.of(changed), list.listAddresses(alice));
    }

    @Test
    void aPatchWithDefaultMovesItAndFalseLeavesItWhereItIs() {
        Address home = add(alice, "Home", false);
        Address work = add(alice, "Work", false);
        assertTrue(update.updateAddress(patch(alice, work.id(), null, null, null, true)).isDefault());
        assertEquals(List.of("Work*", "Home"), namesOf(alice));
        assertTrue(update.updateAddress(patch(alice, work.id(), null, null, null, false)).isDefault(),
                "a book keeps its default: it is moved, never removed");
        assertFalse(update.updateAddress(patch(alice, home.id(), null, null, null, false)).isDefault());
        assertEquals(List.of("Work*", "Home"), namesOf(alice));
    }

    @Test
    void anInvalidPatchNamesTheFieldAndChangesNothingNotEvenTheDefault() {
        add(alice, "Home", false);
        Address work = add(alice, "Work", false);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> update.updateAddress(patch(alice, work.id(), "", null, "ZZ", true)));
        assertEquals(List.of("name", "country"), e.violations().stream().map(FieldViolation::field).toList());
        assertEquals(List.of("Home*", "Work"), namesOf(alice));
    }

    @Test
    void anotherUsersAddressIsNotFoundForEveryWrite() {
        Address home = add(alice, "Home", false);
        assertThrows(AddressNotFound.class, () -> update.updateAddress(patch(bob, home.id(), "Mine", null, null, true)));
        assertThrows(AddressNotFound.class, () -> delete.deleteAddress(new DeleteAddressCommand(bob, home.id())));
        assertThrows(AddressNotFound.class, () -> delete.deleteAddress(new DeleteAddressCommand(alice,
                new AddressId(999))));
        assertEquals(List.of("Home*"), namesOf(alice));
        assertTrue(list.listAddresses(bob).isEmpty());
    }

    @Test
    void deletingTheDefaultMakesTheOldestRemainingOneTheDefault() {
        Address a = add(alice, "A", false);
        add(alice, "B", false);
        add(alice, "C", false);
        Address d = add(alice, "D", true);
        delete.deleteAddress(new DeleteAddressCommand(alice, d.id()));
        assertEquals(List.of("A*", "B", "C"), namesOf(alice));
        delete.deleteAddress(new DeleteAddressCommand(alice, a.id()));
        assertEquals(List.of("B*", "C"), namesOf(alice));
    }

    @Test
    void deletingAnotherAddressLeavesTheDefaultAndTheLastOneLeavesAnEmptyBook() {
        Address a = add(alice, "A", false);
        Address b = add(alice, "B", false);
        delete.deleteAddress(new DeleteAddressCommand(alice, b.id()));
        assertEquals(List.of("A*"), namesOf(alice));
        delete.deleteAddress(new DeleteAddressCommand(alice, a.id()));
        assertTrue(list.listAddresses(alice).isEmpty());
        assertTrue(add(alice, "New", false).isDefault(), "the first address of an empty book again");
    }

    @Test
    void anErasedUserCannotWriteAnAddress() {
        Address home = add(alice, "Home", false);
        transactions.inTransaction(() -> users.erase(alice, T0));
        assertThrows(NotAuthenticatedException.class, () -> add(alice, "Late", false));
        assertThrows(NotAuthenticatedException.class,
                () -> update.updateAddress(patch(alice, home.id(), "Late", null, null, null)));
        assertThrows(NotAuthenticatedException.class,
                () -> delete.deleteAddress(new DeleteAddressCommand(alice, home.id())));
    }
}
