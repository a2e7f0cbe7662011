package dev.storefront.persistence.postgres;

import dev.storefront.domain.common.LinePerInterval;
import dev.storefront.persistence.jdbi.ChangeFeed;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Changes other instances make, told by LISTEN/NOTIFY on one channel. A listener thread holds a
 * connection of its own with {@code LISTEN}; a publisher thread sends this process's notices after
 * their transactions commit ({@code NOTIFY} inside a transaction would take PostgreSQL's
 * cluster-wide notify lock until its COMMIT, serialising every committing writer), several at once
 * when they queue. A notice names its topic and its sender, which ignores its own.
 *
 * <p>While the listener is not connected, nothing can be told: every watch then says its topic
 * moved, so the caches answer from the database. When it reconnects, every watch moves once more
 * (notices sent meanwhile are lost). A heartbeat ({@value #HEARTBEAT_MILLIS} ms) finds a dead
 * connection that a wait for notices alone would not.
 */
final class PostgresChangeFeed implements ChangeFeed, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PostgresChangeFeed.class.getName());
    static final String CHANNEL = "storefront_changes";
    static final int HEARTBEAT_MILLIS = 250;
    private static final long RECONNECT_MAX_MILLIS = 1_000;

    /** Opens the listener's own connection (not from the pool: it is held for ever). */
    interface ListenerConnections {
        Connection open() throws SQLException;
    }

    private final ListenerConnections connections;
    private final Jdbi publishing;
    private final PostgresTransactions transactions;
    private final String node = UUID.randomUUID().toString();
    private final List<PostgresWatch> watches = new CopyOnWriteArrayList<>();
    /** Per topic: a notice is owed. Set before a permit is released, cleared before it is sent. */
    private final AtomicBoolean[] unsent = {new AtomicBoolean(), new AtomicBoolean()};
    private final Semaphore toSend = new Semaphore(0);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LinePerInterval lostLines = new LinePerInterval(System::nanoTime, TimeUnit.MINUTES.toNanos(1));
    private volatile boolean listening;
    private volatile Connection listenerConnection;
    private final Thread listener;
    private final Thread publisher;

    PostgresChangeFeed(ListenerConnections connections, Jdbi publishing, PostgresTransactions transactions) {
        this.connections = connections;
        this.publishing = publishing;
        this.transactions = transactions;
        this.listener = new Thread(this::listen, "storefront-pg-listener");
        this.listener.setDaemon(true);
        this.publisher = new Thread(this::publishLoop, "storefront-pg-notifier");
        this.publisher.setDaemon(true);
    }

    /** Starts listening and returns once the first LISTEN is in place (or the wait ran out). */
    PostgresChangeFeed start(Duration waitForListener) {
        listener.start();
        publisher.start();
        long until = System.nanoTime() + waitForListener.toNanos();
        while (!listening && System.nanoTime() - until < 0) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return this;
    }

    /** Whether the listener is connected and listening. */
    boolean listening() {
        return listening;
    }

    @Override
    public Watch watch(Topic topic, LongSupplier nanoTime, Duration interval) {
        PostgresWatch watch = new PostgresWatch(topic);
        watches.add(watch);
        return watch;
    }

    @Override
    public void publish(Topic topic) {
        transactions.afterCommit(() -> {
            unsent[topic.ordinal()].set(true);
            toSend.release();
        });
    }

    private final class PostgresWatch implements Watch {
        final Topic topic;
        final AtomicBoolean moved = new AtomicBoolean();

        PostgresWatch(Topic topic) {
            this.topic = topic;
        }

        @Override
        public boolean movedIfDue() {
            // Not listening: whatever others change cannot be told, so nothing cached is trusted.
            return !listening | moved.getAndSet(false);
        }
    }

    private void moved(Topic topic) {
        for (PostgresWatch watch : watches) {
            if (topic == null || watch.topic == topic) {
                watch.moved.set(true);
            }
        }
    }

    private void listen() {
        long backoff = 50;
        while (!closed.get()) {
            try (Connection connection = connections.open()) {
                listenerConnection = connection;
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    moved(null); // notices sent while not listening are lost
                    listening = true;
                    backoff = 50;
                    while (!closed.get()) {
                        PGNotification[] notices = pg.getNotifications(HEARTBEAT_MILLIS);
                        if (notices != null) {
                            for (PGNotification notice : notices) {
                                received(notice.getParameter());
                            }
                        }
                        statement.execute("SELECT 1"); // the heartbeat: a dead connection throws here
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                moved(null);
                if (closed.get()) {
                    return;
                }
                long lost = lostLines.count();
                if (lost > 0) {
                    LOG.log(Level.WARNING, "the change feed's connection failed (" + lost + " time(s) this minute);"
                            + " caches answer from the database until it is back: " + e.getMessage());
                }
                sleep(backoff);
                backoff = Math.min(RECONNECT_MAX_MILLIS, backoff * 2);
            } finally {
                listening = false;
                listenerConnection = null;
            }
        }
    }

    private void received(String payload) {
        int colon = payload.indexOf(':');
        if (colon < 0 || payload.substring(colon + 1).equals(node)) {
            return; // malformed, or this process's own: its caches were told at commit
        }
        try {
            moved(Topic.valueOf(payload.substring(0, colon)));
        } catch (IllegalArgumentException unknownTopic) {
            moved(null); // from a newer version: drop everything rather than miss a change
        }
    }

    private void publishLoop() {
        while (!closed.get()) {
            try {
                toSend.acquire();
                toSend.drainPermits();
                List<Topic> topics = new ArrayList<>(2);
                for (Topic topic : Topic.values()) {
                    if (unsent[topic.ordinal()].getAndSet(false)) {
                        topics.add(topic);
                    }
                }
                try {
                    send(topics);
                } catch (RuntimeException e) {
                    topics.forEach(topic -> unsent[topic.ordinal()].set(true)); // sent again after a pause
                    long lost = lostLines.count();
                    if (lost > 0) {
                        LOG.log(Level.WARNING, "could not send change notices; retrying: " + e.getMessage());
                    }
                    sleep(100);
                    toSend.release();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void send(List<Topic> topics) {
        if (topics.isEmpty()) {
            return;
        }
        publishing.useHandle(handle -> {
            for (Topic topic : topics) {
                handle.createQuery("SELECT pg_notify(:channel, :payload)")
                        .bind("channel", CHANNEL)
                        .bind("payload", topic.name() + ":" + node)
                        .mapTo(String.class)
                        .findOne();
            }
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        publisher.interrupt();
        Connection connection = listenerConnection;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        try {
            listener.join(2_000);
            publisher.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
