package dev.storefront.http.health;

import dev.storefront.domain.port.in.health.CheckHealthUseCase;
import dev.storefront.domain.port.in.health.CheckHealthUseCase.HealthStatus;
import dev.storefront.http.RouteGroup;
import dev.storefront.http.common.ApiResponse;
import dev.storefront.http.common.Router;
import java.util.Objects;

/** {@code GET /health}: 200 {@code {"status":"UP"}} while the database answers, 503 otherwise. */
public final class HealthRoutes implements RouteGroup {
    private final CheckHealthUseCase checkHealth;

    public HealthRoutes(CheckHealthUseCase checkHealth) {
        this.checkHealth = Objects.requireNonNull(checkHealth, "checkHealth");
    }

    record HealthResponse(String status) {}

    @Override
    public void register(Router router) {
        router.get("/health", request -> {
            HealthStatus status = checkHealth.checkHealth();
            return ApiResponse.status(status == HealthStatus.UP ? 200 : 503, new HealthResponse(status.name()));
        });
    }
}
