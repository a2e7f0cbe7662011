package dev.storefront.domain.port.out;

/** Whether the store's database answers right now. */
@FunctionalInterface
public interface DatabaseHealth {
    boolean isAvailable();
}
