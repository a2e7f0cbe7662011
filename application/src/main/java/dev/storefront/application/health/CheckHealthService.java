package dev.storefront.application.health;

import dev.storefront.domain.port.in.health.CheckHealthUseCase;
import dev.storefront.domain.port.out.DatabaseHealth;
import jakarta.inject.Inject;
import java.util.Objects;

public final class CheckHealthService implements CheckHealthUseCase {
    private final DatabaseHealth database;

    @Inject
    public CheckHealthService(DatabaseHealth database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public HealthStatus checkHealth() {
        return database.isAvailable() ? HealthStatus.UP : HealthStatus.DOWN;
    }
}
