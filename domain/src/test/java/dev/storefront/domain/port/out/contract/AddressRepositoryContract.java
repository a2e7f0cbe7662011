package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.address.Address;
import dev.storefront.domain.address.AddressId;
import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.port.out.AddressRepository;
import dev.storefront.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AddressRepository} does. */
public abstract class AddressRepositoryContract {
    private AddressRepository addresses;
    private UserId alice;
    private UserId bob;

    protected abstract AddressRepository createRepository();

    /** A user with the email {@code name@example.com}. */
    protected abstract UserId createUser(String name);

    @BeforeEach
    void setUp() {
        addresses = createRepository();
        alice = createUser("alice");
        bob = createUser("bob");
    }

    private static PostalAddress postal(String name) {
        return PostalAddress.parse("", name, "1 Main St", null, "Springfield", null, "12345", "US", null);
    }

    private List<String> names(UserId user) {
        return addresses.findByUser(user).stream().map(a -> a.postal().name() + (a.isDefault() ? "*" : "")).toList();
    }

    @Test
    void storesEveryFieldAsGivenAndAddsItNotAsTheDefault() {
        PostalAddress full = PostalAddress.parse("", "Zoë Ångström 山田", "Flat 2, 10 Downing Street", "c/o Büro „Nord“",
                "London", "Greater London", "SW1A 2AA", "gb", "+44 (20) 7925-0918");
        Address stored = addresses.add(alice, full);
        assertEquals(new Address(stored.id(), alice, full, false), stored);
        assertEquals(Optional.of(stored), addresses.findById(alice, stored.id()));
        assertEquals(List.of(stored), addresses.findByUser(alice));
        assertEquals("GB", stored.postal().country().code());
    }

    @Test
    void keepsEmptyOptionalFieldsAndTheLongestTexts() {
        PostalAddress longest = PostalAddress.parse("", "n".repeat(100), "l".repeat(200), "m".repeat(200),
                "c".repeat(100), "r".repeat(100), "1".repeat(20), "DE", "9".repeat(32));
        PostalAddress bare = postal("Bare");
        Address a = addresses.add(alice, longest);
        Address b = addresses.add(alice, bare);
        assertEquals(longest, addresses.findById(alice, a.id()).orElseThrow().postal());
        PostalAddress read = addresses.findById(alice, b.id()).orElseThrow().postal();
        assertEquals(List.of("", "", ""), List.of(read.line2(), read.region(), read.phone()));
    }

    @Test
    void listsTheDefaultFirstThenInTheOrderAdded() {
        addresses.add(alice, postal("A"));
        Address b = addresses.add(alice, postal("B"));
        addresses.add(bob, postal("Bob's"));
        addresses.add(alice, postal("C"));
        assertEquals(List.of("A", "B", "C"), names(alice));
        assertTrue(addresses.makeDefault(alice, b.id()));
        assertEquals(List.of("B*", "A", "C"), names(alice));
        assertEquals(List.of("Bob's"), names(bob));
    }

    @Test
    void countsPerUser() {
        assertEquals(0, addresses.countByUser(alice));
        addresses.add(alice, postal("A"));
        addresses.add(alice, postal("B"));
        addresses.add(bob, postal("C"));
        assertEquals(2, addresses.countByUser(alice));
        assertEquals(1, addresses.countByUser(bob));
    }

    @Test
    void anotherUsersAddressIsNotFound() {
        Address a = addresses.add(alice, postal("A"));
        assertTrue(addresses.findById(bob, a.id()).isEmpty());
        assertTrue(addresses.findById(alice, new AddressId(a.id().value() + 1000)).isEmpty());
    }

    @Test
    void updatesTheFieldsOfTheOwnersAddressAndKeepsItsDefaultFlag() {
        Address a = addresses.add(alice, postal("A"));
        addresses.makeDefault(alice, a.id());
        PostalAddress moved = postal("A").change(null, "2 Side St", "Apt 3", "Paris", "IDF", "75001", "fr", "+33 1");
        assertFalse(addresses.update(bob, a.id(), moved), "not bob's");
        assertEquals(postal("A"), addresses.findById(alice, a.id()).orElseThrow().postal());
        assertTrue(addresses.update(alice, a.id(), moved));
        assertEquals(new Address(a.id(), alice, moved, true), addresses.findById(alice, a.id()).orElseThrow());
        assertFalse(addresses.update(alice, new AddressId(a.id().value() + 1000), moved));
    }

    @Test
    void makingADefaultLeavesExactlyOneAndOnlyForItsOwner() {
        Address a = addresses.add(alice, postal("A"));
        Address b = addresses.add(alice, postal("B"));
        Address bobs = addresses.add(bob, postal("Bob's"));
        assertTrue(addresses.makeDefault(bob, bobs.id()));
        assertTrue(addresses.makeDefault(alice, a.id()));
        assertTrue(addresses.makeDefault(alice, b.id()));
        assertTrue(addresses.makeDefault(alice, b.id()), "again: still the one default");
        assertEquals(List.of("B*", "A"), names(alice));
        assertFalse(addresses.makeDefault(alice, bobs.id()), "not alice's");
        assertFalse(addresses.makeDefault(bob, a.id()), "not bob's");
        assertEquals(List.of("B*", "A"), names(alice), "a refused call moves nothing");
        assertEquals(List.of("Bob's*"), names(bob));
    }

    @Test
    void deletesOnlyTheOwnersAddress() {
        Address a = addresses.add(alice, postal("A"));
        assertFalse(addresses.delete(bob, a.id()), "not bob's");
        assertTrue(addresses.findById(alice, a.id()).isPresent());
        assertTrue(addresses.delete(alice, a.id()));
        assertFalse(addresses.delete(alice, a.id()), "gone");
        assertTrue(addresses.findByUser(alice).isEmpty());
    }

    @Test
    void deletesEveryAddressOfOneUser() {
        Address a = addresses.add(alice, postal("A"));
        addresses.add(alice, postal("B"));
        addresses.makeDefault(alice, a.id());
        addresses.add(bob, postal("C"));
        assertEquals(2, addresses.deleteAllOf(alice));
        assertTrue(addresses.findByUser(alice).isEmpty());
        assertEquals(0, addresses.deleteAllOf(alice));
        assertEquals(List.of("C"), names(bob));
    }

    @Test
    void idsAreNotReusedAfterADelete() {
        Address a = addresses.add(alice, postal("A"));
        addresses.delete(alice, a.id());
        Address b = addresses.add(alice, postal("B"));
        assertTrue(b.id().value() > a.id().value(), a.id() + " then " + b.id());
    }
}
