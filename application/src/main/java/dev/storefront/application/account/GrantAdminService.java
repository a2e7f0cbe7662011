package dev.storefront.application.account;

import dev.storefront.domain.common.Text;
import dev.storefront.domain.port.in.account.GrantAdminUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.Role;
import dev.storefront.domain.user.UnknownUser;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.Username;
import jakarta.inject.Inject;
import java.util.Objects;

public final class GrantAdminService implements GrantAdminUseCase {
    private final Transactions transactions;
    private final UserRepository users;
    private final TimeSource time;
    private final Audit audit;

    @Inject
    public GrantAdminService(Transactions transactions, UserRepository users, AccountEvents events, TimeSource time) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.time = Objects.requireNonNull(time, "time");
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
    }

    @Override
    public User grantAdmin(GrantAdminCommand command) {
        String name = command.username().strip();
        if (!Username.isValid(name)) {
            throw new UnknownUser("named \"" + Text.printable(name) + "\"");
        }
        User admin = transactions.inTransaction(() -> {
            User user = users.findByUsername(new Username(name))
                    .flatMap(found -> users.findByIdForUpdate(found.id())) // written back whole below
                    .orElseThrow(() -> new UnknownUser("named \"" + name + "\""));
            if (user.isAdmin()) {
                return user;
            }
            User granted = user.withRole(Role.ADMIN);
            users.update(granted);
            return granted;
        });
        audit.record(AccountEvents.Type.ROLE_GRANTED, time.now(), admin.id(), null);
        return admin;
    }
}
