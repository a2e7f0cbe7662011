package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.passkey.NewPasskey;
import dev.storefront.domain.passkey.Passkey;
import dev.storefront.domain.passkey.PasskeyAlreadyRegistered;
import dev.storefront.domain.port.out.PasskeyRepository;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PasskeyRepository} does. */
public abstract class PasskeyRepositoryContract {
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
    private PasskeyRepository passkeys;
    private UserId alice;
    private UserId bob;

    protected abstract PasskeyRepository createRepository();

    /** A user with the email {@code name@example.com}. */
    protected abstract UserId createUser(String name);

    @BeforeEach
    void setUp() {
        passkeys = createRepository();
        alice = createUser("alice");
        bob = createUser("bob");
    }

    private Passkey add(UserId user, String credentialId, long count) {
        return passkeys.add(new NewPasskey(user, credentialId, "data-" + credentialId, count, "Key " + credentialId, T0));
    }

    @Test
    void storesAndFindsAPasskeyWithEveryField() {
        Passkey stored = add(alice, "cred-1", 4);
        assertEquals(new Passkey(stored.id(), alice, "cred-1", "data-cred-1", 4, "Key cred-1", T0, null), stored);
        assertEquals(Optional.of(stored), passkeys.findByCredentialId("cred-1"));
        assertEquals(List.of(stored), passkeys.findByUser(alice));
        assertTrue(passkeys.findByCredentialId("cred-2").isEmpty());
        assertTrue(passkeys.findByUser(bob).isEmpty());
    }

    @Test
    void listsAUsersPasskeysOldestFirst() {
        Passkey first = add(alice, "cred-1", 0);
        add(bob, "cred-2", 0);
        Passkey third = add(alice, "cred-3", 0);
        assertEquals(List.of(first, third), passkeys.findByUser(alice));
    }

    @Test
    void aCredentialIdIsRegisteredOnceAcrossUsers() {
        add(alice, "cred-1", 0);
        assertThrows(PasskeyAlreadyRegistered.class, () -> add(bob, "cred-1", 0));
        assertThrows(PasskeyAlreadyRegistered.class, () -> add(alice, "cred-1", 0));
        assertTrue(passkeys.findByUser(bob).isEmpty());
    }

    @Test
    void deletesOnlyTheOwnersPasskey() {
        Passkey passkey = add(alice, "cred-1", 0);
        assertFalse(passkeys.delete(bob, passkey.id()), "not bob's");
        assertTrue(passkeys.findByCredentialId("cred-1").isPresent());
        assertTrue(passkeys.delete(alice, passkey.id()));
        assertFalse(passkeys.delete(alice, passkey.id()), "gone");
        assertTrue(passkeys.findByUser(alice).isEmpty());
    }

    @Test
    void recordsAUseOnlyFromTheExpectedCounter() {
        Passkey passkey = add(alice, "cred-1", 5);
        assertFalse(passkeys.recordUse(passkey.id(), 4, 9, T0.plusSeconds(1)), "counter moved meanwhile");
        assertTrue(passkeys.recordUse(passkey.id(), 5, 6, T0.plusSeconds(2)));
        Passkey used = passkeys.findByCredentialId("cred-1").orElseThrow();
        assertEquals(6, used.signCount());
        assertEquals(Optional.of(T0.plusSeconds(2)), used.lastUsed());
        assertFalse(passkeys.recordUse(passkey.id(), 5, 7, T0.plusSeconds(3)), "the same read twice: one wins");
        assertTrue(passkeys.recordUse(passkey.id(), 6, 6, T0.plusSeconds(4)), "the caller decides what may follow");
    }

    @Test
    void aUserHandleIsMadeOnceAndMapsBackToItsUser() {
        assertEquals("handle-a", passkeys.userHandle(alice, "handle-a"));
        assertEquals("handle-a", passkeys.userHandle(alice, "handle-other"), "the stored one stays");
        assertEquals("handle-b", passkeys.userHandle(bob, "handle-b"));
        assertEquals(Optional.of(alice), passkeys.findUserByHandle("handle-a"));
        assertEquals(Optional.of(bob), passkeys.findUserByHandle("handle-b"));
        assertTrue(passkeys.findUserByHandle("handle-other").isEmpty());
    }

    @Test
    void deletesEverythingOfOneUser() {
        add(alice, "cred-1", 0);
        add(alice, "cred-2", 0);
        add(bob, "cred-3", 0);
        passkeys.userHandle(alice, "handle-a");
        passkeys.userHandle(bob, "handle-b");
        assertEquals(2, passkeys.deleteAllOf(alice));
        assertTrue(passkeys.findByUser(alice).isEmpty());
        assertTrue(passkeys.findUserByHandle("handle-a").isEmpty());
        assertEquals(1, passkeys.findByUser(bob).size());
        assertEquals(Optional.of(bob), passkeys.findUserByHandle("handle-b"));
    }
}
