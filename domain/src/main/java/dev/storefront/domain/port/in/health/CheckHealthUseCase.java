package dev.storefront.domain.port.in.health;

/** Is the store able to serve requests? */
@FunctionalInterface
public interface CheckHealthUseCase {
    HealthStatus checkHealth();

    enum HealthStatus { UP, DOWN }
}
