package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.DatabaseHealth;
import java.util.Objects;

public final class JdbiDatabaseHealth implements DatabaseHealth {
    private final Database database;

    public JdbiDatabaseHealth(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public boolean isAvailable() {
        return database.isAvailable();
    }
}
