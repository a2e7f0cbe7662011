package dev.storefront.application.account;

import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.port.in.account.GetCurrentUserUseCase;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.User;
import jakarta.inject.Inject;
import java.util.Objects;

public final class GetCurrentUserService implements GetCurrentUserUseCase {
    private final Transactions transactions;
    private final UserRepository users;

    @Inject
    public GetCurrentUserService(Transactions transactions, UserRepository users) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public User currentUser(CurrentUserQuery query) {
        return transactions.readOnly(() -> users.findById(query.userId()))
                .orElseThrow(() -> new NotAuthenticatedException("Login required"));
    }
}
