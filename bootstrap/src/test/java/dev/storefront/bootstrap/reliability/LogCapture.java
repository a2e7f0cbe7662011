package dev.storefront.bootstrap.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every java.util.logging record of this JVM while installed (the server's
 * {@code System.Logger} and SLF4J output both end there), formatted as it would be printed,
 * with stack traces. {@code dev.storefront} is opened to every level meanwhile, so a secret in a
 * debug line is caught too. The console handlers are muted meanwhile (a hostile run logs
 * thousands of audit lines) and restored on {@link #close()}.
 */
final class LogCapture extends Handler implements AutoCloseable {
    private final List<String> lines = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Logger storefront = Logger.getLogger("dev.storefront");
    private final Level previous;
    private final java.util.Map<Handler, Level> muted = new java.util.HashMap<>();

    private LogCapture() {
        setLevel(Level.ALL);
        previous = storefront.getLevel();
        storefront.setLevel(Level.ALL);
        // The thousands of audit lines a hostile run causes go here, not to the build's console.
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            muted.put(handler, handler.getLevel());
            handler.setLevel(Level.OFF);
        }
        Logger.getLogger("").addHandler(this);
    }

    static LogCapture install() {
        return new LogCapture();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(record.getLoggerName() + " " + formatter.formatMessage(record));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                line.append(" |").append(parameter);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    synchronized String text() {
        return String.join("\n", lines);
    }

    synchronized int size() {
        return lines.size();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        muted.forEach(Handler::setLevel);
        storefront.setLevel(previous);
    }
}
