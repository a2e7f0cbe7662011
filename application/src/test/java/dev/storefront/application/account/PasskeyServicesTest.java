package dev.storefront.application.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.passkey.Passkey;
import dev.storefront.domain.passkey.PasskeyChallenge;
import dev.storefront.domain.passkey.PasskeyCreationOptions;
import dev.storefront.domain.passkey.PasskeyLoginFailed;
import dev.storefront.domain.passkey.PasskeyNotFound;
import dev.storefront.domain.passkey.PasskeyRejected;
import dev.storefront.domain.passkey.PasskeyRules;
import dev.storefront.domain.passkey.RelyingParty;
import dev.storefront.domain.passkey.TooManyPasskeys;
import dev.storefront.domain.port.in.account.DeletePasskeyUseCase.DeletePasskeyCommand;
import dev.storefront.domain.port.in.account.LogInUseCase.LoggedIn;
import dev.storefront.domain.port.in.account.LogInWithPasskeyUseCase.PasskeyLoginCommand;
import dev.storefront.domain.port.in.account.RegisterPasskeyUseCase.RegisterPasskeyCommand;
import dev.storefront.domain.port.in.account.StartGuestSessionUseCase.StartGuestSessionCommand;
import dev.storefront.domain.port.in.account.StartPasskeyRegistrationUseCase.StartPasskeyRegistrationCommand;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.PasskeyVerifier;
import dev.storefront.domain.session.IssuedSession;
import dev.storefront.domain.user.User;
import dev.storefront.inmemory.InMemoryPasskeyChallengeRepository;
import dev.storefront.inmemory.InMemoryPasskeyRepository;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The passkey services on the in-memory fakes, with a verifier that stands in for webauthn4j: a
 * "credential" here is {@code credentialId|userHandle|challenge|counter}, accepted when its
 * challenge is the expected one (the real verifier's checks are WebAuthnPasskeyVerifierTest's).
 */
class PasskeyServicesTest {
    private static final RelyingParty RP = new RelyingParty("localhost", "http://localhost:5005", "Storefront");

    /** Reads {@code id|handle|challenge|counter}; rejects another challenge. */
    static final class ScriptedVerifier implements PasskeyVerifier {
        @Override
        public VerifiedRegistration verifyRegistration(String json, PasskeyChallenge challenge) {
            String[] parts = json.split("\\|");
            if (!parts[2].equals(challenge.value())) {
                throw new PasskeyRejected(PasskeyRejected.Reason.CHALLENGE);
            }
            return new VerifiedRegistration(parts[0], "key-of-" + parts[0], Long.parseLong(parts[3]));
        }

        @Override
        public ClaimedAssertion readAssertion(String json) {
            String[] parts = json.split("\\|");
            return new ClaimedAssertion(parts[0], parts[1].isEmpty() ? Optional.empty() : Optional.of(parts[1]));
        }

        @Override
        public long verifyAssertion(String json, PasskeyChallenge challenge, Passkey passkey) {
            String[] parts = json.split("\\|");
            if (!parts[2].equals(challenge.value())) {
                throw new PasskeyRejected(PasskeyRejected.Reason.CHALLENGE);
            }
            return Long.parseLong(parts[3]);
        }
    }

    private final AccountKit kit = new AccountKit();
    private final InMemoryPasskeyRepository passkeys = new InMemoryPasskeyRepository(kit.transactions);
    private final InMemoryPasskeyChallengeRepository challenges = new InMemoryPasskeyChallengeRepository(kit.transactions);
    private final ScriptedVerifier verifier = new ScriptedVerifier();
    private final StartPasskeyRegistrationService startRegistration = new StartPasskeyRegistrationService(
            kit.transactions, kit.users, passkeys, challenges, kit.tokens, kit.time, RP);
    private final RegisterPasskeyService register = new RegisterPasskeyService(kit.transactions, kit.users, passkeys,
            challenges, verifier, kit.tokens, kit.events, kit.time);
    private final DeletePasskeyService delete = new DeletePasskeyService(kit.transactions, kit.users, passkeys,
            kit.events, kit.time);
    private final StartPasskeyLoginService startLogin = new StartPasskeyLoginService(kit.transactions, challenges,
            kit.tokens, kit.time, RP);
    private final LogInWithPasskeyService logIn = new LogInWithPasskeyService(kit.transactions, kit.users,
            kit.sessions, passkeys, challenges, verifier, kit.tokens, kit.handover, kit.events, kit.time, kit.settings);

    private record Registered(User user, LoggedIn session, String handle) {}

    private Registered userWithPasskey(String name, String credentialId, long counter) {
        User user = kit.registered(name);
        LoggedIn session = kit.login(name, AccountKit.PASSWORD);
        PasskeyCreationOptions options = startRegistration.startPasskeyRegistration(
                new StartPasskeyRegistrationCommand(user.id(), session.session().session().handle()));
        register.registerPasskey(new RegisterPasskeyCommand(user.id(), session.session().session().handle(), null,
                credentialId + "|" + options.userHandle() + "|" + options.challenge().value() + "|" + counter, "10.0.0.1"));
        return new Registered(user, session, options.userHandle());
    }

    private IssuedSession guest() {
        return kit.startGuest.startGuestSession(new StartGuestSessionCommand("JUnit"));
    }

    private LoggedIn logInWith(IssuedSession guest, String credentialId, String handle, String challenge, long counter) {
        return logIn.logInWithPasskey(new PasskeyLoginCommand(guest.token(), guest.session().handle(),
                credentialId + "|" + handle + "|" + challenge + "|" + counter, "10.0.0.1", "JUnit"));
    }

    private String loginChallenge(IssuedSession guest) {
        return startLogin.startPasskeyLogin(guest.session().handle()).challenge().value();
    }

    @Test
    void registrationCountsThePasskeyOnTheUserAndAuditsIt() {
        Registered alice = userWithPasskey("alice", "cred-a", 0);
        assertEquals(1, kit.users.findById(alice.user().id()).orElseThrow().secondFactors().passkeys());
        assertEquals(PasskeyRules.DEFAULT_NAME, passkeys.findByUser(alice.user().id()).get(0).name());
        assertTrue(kit.events.events().stream().anyMatch(e -> e.type() == AccountEvents.Type.PASSKEY_ADDED));
    }

    @Test
    void aRegistrationChallengeIsSpentEvenByARefusedResponse() {
        User bob = kit.registered("bob");
        LoggedIn session = kit.login("bob", AccountKit.PASSWORD);
        var handle = session.session().session().handle();
        PasskeyCreationOptions options = startRegistration.startPasskeyRegistration(
                new StartPasskeyRegistrationCommand(bob.id(), handle));
        assertThrows(InvalidInputException.class, () -> register.registerPasskey(new RegisterPasskeyCommand(bob.id(),
                handle, null, "cred|h|" + "Z".repeat(43) + "|0", null)));
        assertThrows(InvalidInputException.class, () -> register.registerPasskey(new RegisterPasskeyCommand(bob.id(),
                handle, null, "cred|h|" + options.challenge().value() + "|0", null)), "spent");
        assertEquals(0, kit.users.findById(bob.id()).orElseThrow().secondFactors().passkeys());
    }

    @Test
    void aBadNameSpendsNoChallenge() {
        User bob = kit.registered("bob");
        var handle = kit.login("bob", AccountKit.PASSWORD).session().session().handle();
        String challenge = startRegistration.startPasskeyRegistration(
                new StartPasskeyRegistrationCommand(bob.id(), handle)).challenge().value();
        assertThrows(InvalidInputException.class, () -> register.registerPasskey(new RegisterPasskeyCommand(bob.id(),
                handle, "x".repeat(65), "cred|h|" + challenge + "|0", null)));
        register.registerPasskey(new RegisterPasskeyCommand(bob.id(), handle, "ok", "cred|h|" + challenge + "|0", null));
    }

    @Test
    void theTwentyFirstPasskeyIsRefused() {
        User carol = kit.registered("carol");
        var handle = kit.login("carol", AccountKit.PASSWORD).session().session().handle();
        for (int i = 0; i <= PasskeyRules.MAX_PER_USER; i++) {
            String challenge = startRegistration.startPasskeyRegistration(
                    new StartPasskeyRegistrationCommand(carol.id(), handle)).challenge().value();
            RegisterPasskeyCommand command = new RegisterPasskeyCommand(carol.id(), handle, null,
                    "cred-" + i + "|h|" + challenge + "|0", null);
            if (i < PasskeyRules.MAX_PER_USER) {
                register.registerPasskey(command);
            } else {
                assertThrows(TooManyPasskeys.class, () -> register.registerPasskey(command));
            }
        }
        assertEquals(PasskeyRules.MAX_PER_USER, kit.users.findById(carol.id()).orElseThrow().secondFactors().passkeys());
    }

    @Test
    void deletingMovesTheCountAndAnotherUsersPasskeyIsNotFound() {
        Registered alice = userWithPasskey("alice", "cred-a", 0);
        Registered bob = userWithPasskey("bob", "cred-b", 0);
        String id = passkeys.findByUser(alice.user().id()).get(0).id().toString();
        assertThrows(PasskeyNotFound.class, () -> delete.deletePasskey(new DeletePasskeyCommand(bob.user().id(), id, null)));
        assertThrows(PasskeyNotFound.class, () -> delete.deletePasskey(new DeletePasskeyCommand(alice.user().id(), "x", null)));
        delete.deletePasskey(new DeletePasskeyCommand(alice.user().id(), id, null));
        assertEquals(0, kit.users.findById(alice.user().id()).orElseThrow().secondFactors().passkeys());
        assertEquals(1, kit.users.findById(bob.user().id()).orElseThrow().secondFactors().passkeys());
    }

    @Test
    void aPasskeyLoginEndsTheGuestSessionAndMovesTheCounter() {
        Registered alice = userWithPasskey("alice", "cred-a", 3);
        IssuedSession guest = guest();
        LoggedIn loggedIn = logInWith(guest, "cred-a", alice.handle(), loginChallenge(guest), 4);
        assertEquals(alice.user().id(), loggedIn.user().id());
        assertTrue(kit.resolve(guest.token()).isEmpty(), "the guest session ended");
        assertEquals(4, passkeys.findByCredentialId("cred-a").orElseThrow().signCount());
        assertTrue(kit.events.events().stream().anyMatch(e -> e.type() == AccountEvents.Type.PASSKEY_USED));
    }

    @Test
    void everyFailedPasskeyLoginIsTheSame401AndAudited() {
        Registered alice = userWithPasskey("alice", "cred-a", 3);
        Registered bob = userWithPasskey("bob", "cred-b", 0);
        IssuedSession guest = guest();
        assertThrows(PasskeyLoginFailed.class, () -> logInWith(guest, "cred-a", alice.handle(), "Z".repeat(43), 4),
                "no challenge issued");
        assertThrows(PasskeyLoginFailed.class, () -> logInWith(guest, "cred-x", alice.handle(), loginChallenge(guest), 4),
                "unknown credential");
        assertThrows(PasskeyLoginFailed.class, () -> logInWith(guest, "cred-a", bob.handle(), loginChallenge(guest), 4),
                "another user's handle");
        assertThrows(PasskeyLoginFailed.class, () -> logInWith(guest, "cred-a", "", loginChallenge(guest), 4),
                "no handle");
        assertThrows(PasskeyLoginFailed.class, () -> logInWith(guest, "cred-a", alice.handle(), loginChallenge(guest), 3),
                "counter stood still");
        assertThrows(PasskeyLoginFailed.class, () -> logInWith(guest, "cred-a", alice.handle(), "Z".repeat(43), 9),
                "the answer to another challenge (and it spent this one)");
        String challenge = loginChallenge(guest);
        kit.time.advance(PasskeyRules.CHALLENGE_LIFETIME.plus(Duration.ofSeconds(1)));
        assertThrows(PasskeyLoginFailed.class, () -> logInWith(guest(), "cred-a", alice.handle(), challenge, 9),
                "a challenge of another session");
        assertEquals(3, passkeys.findByCredentialId("cred-a").orElseThrow().signCount(), "nothing changed");
        assertEquals(7, kit.events.types().stream().filter(t -> t == AccountEvents.Type.PASSKEY_LOGIN_FAILED).count(),
                "each failure audited");
        assertTrue(kit.throttle.begin("user:" + alice.user().id(), "10.0.0.1", kit.time.now()).isEmpty(),
                "and not counted on the login throttle");
    }

    @Test
    void anExpiredChallengeIsRefused() {
        Registered alice = userWithPasskey("alice", "cred-a", 0);
        IssuedSession guest = guest();
        String challenge = loginChallenge(guest);
        kit.time.advance(PasskeyRules.CHALLENGE_LIFETIME);
        assertThrows(PasskeyLoginFailed.class, () -> logInWith(guest, "cred-a", alice.handle(), challenge, 1));
    }
}
