package dev.storefront.inmemory;

import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.NewUser;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UserId;
import dev.storefront.domain.user.Username;
import dev.storefront.domain.user.UsernameOrEmailTaken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users in a map, with the uniqueness rules of the database; rolls back with {@link InMemoryTransactions}. */
public final class InMemoryUserRepository implements UserRepository, InMemoryTransactions.Participant {
    private final Map<UserId, User> users = new LinkedHashMap<>();
    private final List<UserId> readForUpdate = new ArrayList<>();
    private long nextId = 1;

    public InMemoryUserRepository(InMemoryTransactions transactions) {
        transactions.register(this);
    }

    @Override
    public synchronized User add(NewUser user) {
        requireUnique(null, user.username(), user.email());
        User stored = User.registered(new UserId(nextId++), user);
        users.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<User> findById(UserId id) {
        return Optional.ofNullable(users.get(id));
    }

    /** Also recorded ({@link #readForUpdate()}): the fakes' one writer at a time already keeps the row. */
    @Override
    public synchronized Optional<User> findByIdForUpdate(UserId id) {
        readForUpdate.add(id);
        return findById(id);
    }

    /** The ids read with {@link #findByIdForUpdate}, in order, for tests of the use cases. */
    public synchronized List<UserId> readForUpdate() {
        return List.copyOf(readForUpdate);
    }

    @Override
    public synchronized Optional<User> findByUsername(Username username) {
        return users.values().stream().filter(u -> u.username().sameAs(username)).findFirst();
    }

    @Override
    public synchronized Optional<User> findByEmail(Email email) {
        return users.values().stream().filter(u -> u.email().equals(email)).findFirst();
    }

    @Override
    public synchronized void update(User user) {
        if (!users.containsKey(user.id())) {
            throw new IllegalStateException("no user " + user.id());
        }
        requireUnique(user.id(), user.username(), user.email());
        users.put(user.id(), user);
    }

    /** The fake keeps no tombstone: its orders hold the id without a row to refer to. */
    @Override
    public synchronized boolean erase(UserId id, Instant erasedAt) {
        return users.remove(id) != null;
    }

    private void requireUnique(UserId self, Username username, Email email) {
        boolean nameTaken = users.values().stream()
                .anyMatch(u -> !u.id().equals(self) && u.username().sameAs(username));
        boolean emailTaken = users.values().stream()
                .anyMatch(u -> !u.id().equals(self) && u.email().equals(email));
        if (nameTaken || emailTaken) {
            throw new UsernameOrEmailTaken(nameTaken, emailTaken);
        }
    }

    @Override
    public synchronized Runnable snapshot() {
        Runnable restoreUsers = Snapshots.of(this, users);
        long id = nextId;
        return () -> {
            synchronized (this) {
                restoreUsers.run();
                nextId = id;
            }
        };
    }
}
