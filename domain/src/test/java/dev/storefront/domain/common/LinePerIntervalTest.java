package dev.storefront.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** One line per interval, and every event counted into some line, races included. */
class LinePerIntervalTest {

    @Test
    void anEventCountedWhileAnotherThreadLogsItsLineIsReportedByTheNextLine() {
        AtomicLong time = new AtomicLong();
        AtomicReference<Runnable> meanwhile = new AtomicReference<>();
        // Runs "another thread's" event between this event's count and its line, as a race would.
        LongSupplier clock = () -> {
            Runnable other = meanwhile.getAndSet(null);
            if (other != null) {
                other.run();
            }
            return time.get();
        };
        LinePerInterval lines = new LinePerInterval(clock, 10);
        List<Long> reported = new ArrayList<>();

        reported.add(lines.count()); // the first event gets its line at once
        meanwhile.set(() -> {
            reported.add(lines.count()); // not due yet at time 0: counted for a later line
            time.set(10);
        });
        reported.add(lines.count()); // due at time 10: reports itself
        time.set(20);
        reported.add(lines.count()); // due again: the event counted meanwhile and itself

        assertEquals(List.of(1L, 0L, 1L, 2L), reported);
    }

    @Test
    void eventsInsideTheIntervalAreCountedIntoTheNextLine() {
        AtomicLong time = new AtomicLong();
        LinePerInterval lines = new LinePerInterval(time::get, 10);
        assertEquals(1, lines.count());
        time.set(5);
        assertEquals(0, lines.count());
        assertEquals(0, lines.count());
        time.set(10);
        assertEquals(3, lines.count());
    }
}
