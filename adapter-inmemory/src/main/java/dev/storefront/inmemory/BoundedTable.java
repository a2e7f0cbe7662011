package dev.storefront.inmemory;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The table behind the in-memory limiters: entries in the order they were last written, bounded by
 * a total weight, in two tiers. Writing an entry says whether it is worth keeping (a counter at its
 * limit, say). To make room, the least recently written entry not worth keeping goes first; one
 * worth keeping goes only when nothing else is left, so that a flood of new keys cannot wipe out
 * the counters it would most like to reset, yet a new key always finds room (refusing it would let
 * the flood lock everyone out). A flood of new keys therefore costs at most one kept entry: the
 * first new key made room for is not worth keeping itself and is the next to go. Not thread-safe:
 * its owner locks.
 */
final class BoundedTable<K, V> {
    private record Slot<V>(V value, int weight) {}

    private final long capacity;
    private final ToIntFunction<V> weight;
    private final Map<K, Slot<V>> ordinary = new LinkedHashMap<>();
    private final Map<K, Slot<V>> kept = new LinkedHashMap<>();
    private long totalWeight;

    /** {@code weight} is what one value costs of {@code capacity}, at least 1; it is taken when the value is written. */
    BoundedTable(long capacity, ToIntFunction<V> weight) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.weight = weight;
    }

    V get(K key) {
        Slot<V> slot = ordinary.get(key);
        if (slot == null) {
            slot = kept.get(key);
        }
        return slot == null ? null : slot.value();
    }

    /** Stores {@code value} as the most recently written entry, making room first. */
    void put(K key, V value, boolean worthKeeping) {
        remove(key);
        int cost = Math.max(1, weight.applyAsInt(value));
        while (totalWeight + cost > capacity && removeEldest(ordinary.isEmpty() ? kept : ordinary)) {
            // made room
        }
        (worthKeeping ? kept : ordinary).put(key, new Slot<>(value, cost));
        totalWeight += cost;
    }

    void remove(K key) {
        Slot<V> slot = ordinary.remove(key);
        if (slot == null) {
            slot = kept.remove(key);
        }
        if (slot != null) {
            totalWeight -= slot.weight();
        }
    }

    /** Removes entries from the least recently written end of each tier while they are expired, at most {@code max} of each. */
    void removeEldestWhile(Predicate<V> expired, int max) {
        for (Map<K, Slot<V>> tier : List.of(ordinary, kept)) {
            Iterator<Slot<V>> eldestFirst = tier.values().iterator();
            for (int removed = 0; removed < max && eldestFirst.hasNext(); removed++) {
                Slot<V> slot = eldestFirst.next();
                if (!expired.test(slot.value())) {
                    break;
                }
                eldestFirst.remove();
                totalWeight -= slot.weight();
            }
        }
    }

    /** Removes every entry {@code idle} accepts: a full scan, for its owner to run only now and then. */
    void removeIf(Predicate<V> idle) {
        for (Map<K, Slot<V>> tier : List.of(ordinary, kept)) {
            for (Iterator<Slot<V>> it = tier.values().iterator(); it.hasNext(); ) {
                Slot<V> slot = it.next();
                if (idle.test(slot.value())) {
                    it.remove();
                    totalWeight -= slot.weight();
                }
            }
        }
    }

    int size() {
        return ordinary.size() + kept.size();
    }

    long weight() {
        return totalWeight;
    }

    private boolean removeEldest(Map<K, Slot<V>> tier) {
        Iterator<Slot<V>> eldestFirst = tier.values().iterator();
        if (!eldestFirst.hasNext()) {
            return false;
        }
        totalWeight -= eldestFirst.next().weight();
        eldestFirst.remove();
        return true;
    }
}
