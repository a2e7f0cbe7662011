package dev.storefront.inmemory;

import java.util.LinkedHashMap;
import java.util.Map;

/** The one way the in-memory stores take part in {@link InMemoryTransactions}' rollback. */
final class Snapshots {
    private Snapshots() {}

    /**
     * Captures the map's entries now (in their order); the returned action puts exactly those back,
     * holding {@code lock}, the monitor the store guards the map with.
     */
    static <K, V> Runnable of(Object lock, Map<K, V> map) {
        Map<K, V> copy = new LinkedHashMap<>(map);
        return () -> {
            synchronized (lock) {
                map.clear();
                map.putAll(copy);
            }
        };
    }
}
