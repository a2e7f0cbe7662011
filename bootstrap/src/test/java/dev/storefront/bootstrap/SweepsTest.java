package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storefront.inmemory.InMemoryPeriodicWork;
import dev.storefront.inmemory.ManualTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two instances' sweeps on one store of rounds: each round runs once per interval, on one of them. */
class SweepsTest {
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private final InMemoryPeriodicWork rounds = new InMemoryPeriodicWork();
    private final ManualTimeSource time = new ManualTimeSource(Instant.parse("2026-03-01T10:00:00Z"));
    private final List<String> ran = new ArrayList<>();

    private Sweeps instance(String name) {
        return new Sweeps(rounds, time, INTERVAL)
                .round("sessions", "sessions failed", () -> ran.add(name + " sessions"))
                .round("failing", "failing failed", () -> {
                    ran.add(name + " failing");
                    throw new IllegalStateException("the database is down");
                })
                .round("imports", "imports failed", () -> ran.add(name + " imports"));
    }

    @Test
    void eachRoundRunsOnceAnIntervalForBothInstancesAndAFailingRoundStopsNoOther() {
        Sweeps a = instance("a");
        Sweeps b = instance("b");
        a.run();
        b.run();
        time.advance(INTERVAL.minusSeconds(1));
        a.run();
        b.run();
        assertEquals(List.of("a sessions", "a failing", "a imports"), ran);
        time.advance(Duration.ofSeconds(1));
        b.run();
        a.run();
        assertEquals(List.of("a sessions", "a failing", "a imports", "b sessions", "b failing", "b imports"), ran);
    }
}
