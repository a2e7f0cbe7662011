package dev.storefront.bootstrap;

import dev.storefront.domain.port.out.PeriodicWork;
import dev.storefront.domain.port.out.TimeSource;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The periodic sweeps (expired sessions and reset tokens, idempotency keys, the shared limits,
 * stalled catalog imports). Every instance schedules them; each round is claimed for the whole
 * cluster first ({@link PeriodicWork}), so it runs on one instance per interval. A round that fails
 * logs one WARNING line and is not tried again before the next interval.
 */
final class Sweeps implements Runnable {
    private static final System.Logger LOG = System.getLogger(Sweeps.class.getName());

    private record Round(String name, String failure, Runnable work) {}

    private final PeriodicWork rounds;
    private final TimeSource time;
    private final Duration interval;
    private final List<Round> scheduled = new ArrayList<>();

    Sweeps(PeriodicWork rounds, TimeSource time, Duration interval) {
        this.rounds = Objects.requireNonNull(rounds, "rounds");
        this.time = Objects.requireNonNull(time, "time");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** Adds a round; {@code failure} is what its WARNING line says went wrong. */
    Sweeps round(String name, String failure, Runnable work) {
        scheduled.add(new Round(name, failure, work));
        return this;
    }

    @Override
    public void run() {
        for (Round round : scheduled) {
            try {
                Instant now = time.now();
                if (!rounds.claimRound(round.name(), now, interval)) {
                    LOG.log(Level.DEBUG, "sweep round {0} skipped: claimed within {1} ms by this or another"
                            + " instance", round.name(), interval.toMillis());
                    continue;
                }
                round.work().run();
                LOG.log(Level.DEBUG, "sweep round {0} ran, claimed at {1,number,#}", round.name(), now.toEpochMilli());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, round.failure(), e);
            }
        }
    }
}
