package dev.storefront.http.health;

import dev.storefront.domain.port.in.health.CheckHealthUseCase;
import dev.storefront.domain.port.in.health.CheckHealthUseCase.HealthStatus;
import dev.storefront.http.RouteGroup;
import dev.storefront.http.common.ApiResponse;
import dev.storefront.http.common.Router;
import java.util.Objects;

/**
 * {@code GET /health}: 200 {@code {"status":"UP","database":"sqlite"}} while the database answers,
 * 503 with {@code "DOWN"} otherwise; {@code database} names the engine in use.
 */
public final class HealthRoutes implements RouteGroup {
    private final CheckHealthUseCase checkHealth;
    private final String database;

    /** @param database the engine's name: {@code sqlite} or {@code postgresql} */
    public HealthRoutes(CheckHealthUseCase checkHealth, String database) {
        this.checkHealth = Objects.requireNonNull(checkHealth, "checkHealth");
        this.database = Objects.requireNonNull(database, "database");
    }

    record HealthResponse(String status, String database) {}

    @Override
    public void register(Router router) {
        router.get("/health", request -> {
            HealthStatus status = checkHealth.checkHealth();
            return ApiResponse.status(status == HealthStatus.UP ? 200 : 503, new HealthResponse(status.name(), database));
        });
    }
}
