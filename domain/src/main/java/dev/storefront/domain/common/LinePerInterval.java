package dev.storefront.domain.common;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts events and says when one of them is to be logged: at most once per interval, with how
 * many there were since the last line, none lost when threads count at the same time. Adapters use
 * it so that a flood of one kind of failure writes one WARNING line per interval, not one per request.
 */
public final class LinePerInterval {
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final AtomicLong lastLine;
    private final AtomicLong sinceLastLine = new AtomicLong();

    public LinePerInterval(LongSupplier nanoClock, long intervalNanos) {
        this.nanoClock = nanoClock;
        this.intervalNanos = intervalNanos;
        this.lastLine = new AtomicLong(nanoClock.getAsLong() - intervalNanos);
    }

    /**
     * Counts one event; returns 0 when no line is due, else the events this line reports (this
     * one included). Only what this call counted is taken off: events counted meanwhile by other
     * threads stay for the next line.
     */
    public long count() {
        long counted = sinceLastLine.incrementAndGet();
        long now = nanoClock.getAsLong();
        long last = lastLine.get();
        if (now - last >= intervalNanos && lastLine.compareAndSet(last, now)) {
            sinceLastLine.addAndGet(-counted);
            return counted;
        }
        return 0;
    }
}
