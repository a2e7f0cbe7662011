package dev.storefront.domain.port.out;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current time, as a port so that tests can move it. Instants are truncated to milliseconds. */
@FunctionalInterface
public interface TimeSource {
    Instant now();

    static TimeSource system() {
        return () -> Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
