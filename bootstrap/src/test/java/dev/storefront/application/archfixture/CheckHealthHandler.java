package dev.storefront.application.archfixture;

import dev.storefront.domain.port.in.health.CheckHealthUseCase;

/** Deliberately bad: implements a use case but is not named *Service and has no @Inject constructor. */
public final class CheckHealthHandler implements CheckHealthUseCase {
    public CheckHealthHandler() {}

    @Override
    public HealthStatus checkHealth() {
        return HealthStatus.UP;
    }
}
