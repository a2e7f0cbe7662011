package dev.storefront.application.account;

import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.port.in.account.DeleteAccountUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.port.out.PersonalDataEraser;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.WrongCurrentPassword;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Deletes an account after checking the current password (wrong guesses count against the login
 * throttle). Then, in one write transaction: the user's cart lock first (a checkout in flight
 * finishes before, or finds the cart gone after), the user row for update (a login in flight
 * finishes before and its session is erased with the others, or finds no user after), every
 * {@link PersonalDataEraser} (sessions, cart, reset tokens, …), and the user row becomes a
 * tombstone ({@link UserRepository#erase}) that the orders, the shop's records, keep referring to.
 */
public final class DeleteAccountService implements DeleteAccountUseCase {
    private final Transactions transactions;
    private final Locks locks;
    private final UserRepository users;
    private final List<PersonalDataEraser> erasers;
    private final CurrentPasswordCheck passwordCheck;
    private final TimeSource time;
    private final Audit audit;

    /** @param erasers every kind of the user's data to delete besides the user row itself */
    @Inject
    public DeleteAccountService(Transactions transactions, Locks locks, UserRepository users,
                                List<PersonalDataEraser> erasers, PasswordHasher hasher, LoginThrottle throttle,
                                AccountEvents events, TimeSource time) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.users = Objects.requireNonNull(users, "users");
        this.erasers = List.copyOf(erasers);
        this.passwordCheck = new CurrentPasswordCheck(Objects.requireNonNull(hasher, "hasher"),
                Objects.requireNonNull(throttle, "throttle"));
        this.time = Objects.requireNonNull(time, "time");
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
    }

    @Override
    public void deleteAccount(DeleteAccountCommand command) {
        Instant now = time.now();
        User user = transactions.readOnly(() -> users.findById(command.userId()))
                .orElseThrow(() -> new NotAuthenticatedException("Login required"));
        passwordCheck.require(user, command.currentPassword(), command.clientAddress(), now);

        transactions.inTransaction(() -> {
            locks.lockCart(CartOwner.user(user.id())); // cart before user, as the Locks port orders them
            User current = users.findByIdForUpdate(user.id())
                    .orElseThrow(() -> new NotAuthenticatedException("Login required"));
            if (!current.passwordHash().equals(user.passwordHash())) {
                throw new WrongCurrentPassword(); // the password changed while we checked the old one
            }
            erasers.forEach(eraser -> eraser.deleteAllOf(current.id()));
            users.erase(current.id(), now);
            return null;
        });
        // No client address: after the deletion, nothing but the id may tell who this was.
        audit.record(AccountEvents.Type.ACCOUNT_DELETED, now, user.id(), null);
    }
}
