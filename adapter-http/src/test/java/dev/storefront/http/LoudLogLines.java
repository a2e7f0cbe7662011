package dev.storefront.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what is logged at WARNING or above while it is open: the tests that a client cannot make
 * the server log loudly open one before the request and look at {@link #lines()} after it.
 */
public final class LoudLogLines implements AutoCloseable {
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                records.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    public static LoudLogLines open() {
        LoudLogLines lines = new LoudLogLines();
        Logger.getLogger("").addHandler(lines.handler);
        return lines;
    }

    /** Each loud record as "logger LEVEL: message". */
    public List<String> lines() {
        return records.stream().map(r -> r.getLoggerName() + " " + r.getLevel() + ": " + r.getMessage()).toList();
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
