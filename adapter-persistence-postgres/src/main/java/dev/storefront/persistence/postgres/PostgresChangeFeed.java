package dev.storefront.persistence.postgres;

import dev.storefront.domain.common.LinePerInterval;
import dev.storefront.persistence.jdbi.ChangeFeed;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 * when they queue. A notice is {@code TOPIC:sender:key,key,…}: what changed, gathered per topic
 * over one round of the publisher; a round whose keys would not fit PostgreSQL's payload limit
 * ({@value #MAX_PAYLOAD_BYTES} bytes) sends {@link ChangeFeed#ALL} instead. The sender ignores its
 * own notices. Keys name rows (a product id, a user id, a session's token digest: a SHA-256 of the
 * token, not the token, and what {@code user_session} holds anyway) and only roles that may
 * {@code LISTEN} on this database see them.
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
    /** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
    static final int MAX_PAYLOAD_BYTES = 7_999;

    /** Opens the listener's own connection (not from the pool: it is held for ever). */
    interface ListenerConnections {
        Connection open() throws SQLException;
    }

    private final ListenerConnections connections;
    private final Jdbi publishing;
    private final PostgresTransactions transactions;
    private final String node = UUID.randomUUID().toString();
    private final List<PostgresWatch> watches = new CopyOnWriteArrayList<>();
    /** Per topic: the keys owed a notice. Added before a permit is released, taken before they are sent. */
    private final Map<Topic, Set<String>> unsent = new EnumMap<>(Topic.class);
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
        for (Topic topic : Topic.values()) {
            unsent.put(topic, ConcurrentHashMap.newKeySet());
        }
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


    @Override
    public Watch watch(Topic topic, LongSupplier nanoTime, Duration interval) {
        PostgresWatch watch = new PostgresWatch(topic);
        watches.add(watch);
        return watch;
    }

    @Override
    public void publish(Topic topic, String key) {
        String checked = key.isEmpty() || key.indexOf(',') >= 0 || key.indexOf(':') >= 0 ? ALL : key;
        transactions.afterCommit(() -> {
            unsent.get(topic).add(checked);
            toSend.release();
        });
    }

    /** The keys told since its cache last asked; everything while not listening. */
    private final class PostgresWatch implements Watch {
        final Topic topic;
        private Set<String> received = new HashSet<>();

        PostgresWatch(Topic topic) {
            this.topic = topic;
        }

        @Override
        public Changes changesIfDue() {
            // Not listening: whatever others change cannot be told, so nothing cached is trusted.
            if (!listening) {
                take();
                return Changes.everything();
            }
            return Changes.of(take());
        }

        private synchronized Set<String> take() {
            if (received.isEmpty()) {
                return Set.of();
            }
            Set<String> taken = received;
            received = new HashSet<>();
            return taken;
        }

        synchronized void add(List<String> keys) {
            received.addAll(keys);
        }
    }

    /** @param topic null for every topic */
    private void moved(Topic topic, List<String> keys) {
        for (PostgresWatch watch : watches) {
            if (topic == null || watch.topic == topic) {
                watch.add(keys);
            }
        }
    }

    private void movedEverywhere() {
        moved(null, List.of(ALL));
    }

    private void listen() {
        long backoff = 50;
        while (!closed.get()) {
            try (Connection connection = connections.open()) {
                listenerConnection = connection;
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    movedEverywhere(); // notices sent while not listening are lost
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
                movedEverywhere();
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

    /** {@code TOPIC:sender:keys}; one without keys (an older version's) concerns everything of its topic. */
    void received(String payload) {
        String[] parts = payload.split(":", 3);
        if (parts.length < 2 || parts[1].equals(node)) {
            return; // malformed, or this process's own: its caches were told at commit
        }
        List<String> keys = parts.length == 3 && !parts[2].isEmpty() ? List.of(parts[2].split(",")) : List.of(ALL);
        try {
            moved(Topic.valueOf(parts[0]), keys);
        } catch (IllegalArgumentException unknownTopic) {
            movedEverywhere(); // from a newer version: drop everything rather than miss a change
        }
    }

    private void publishLoop() {
        while (!closed.get()) {
            try {
                toSend.acquire();
                toSend.drainPermits();
                Map<Topic, List<String>> round = new LinkedHashMap<>();
                for (Topic topic : Topic.values()) {
                    List<String> keys = takeUnsent(topic);
                    if (!keys.isEmpty()) {
                        round.put(topic, keys);
                    }
                }
                try {
                    send(round);
                } catch (RuntimeException e) {
                    round.forEach((topic, keys) -> unsent.get(topic).addAll(keys)); // sent again after a pause
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

    private List<String> takeUnsent(Topic topic) {
        Set<String> pending = unsent.get(topic);
        List<String> taken = new ArrayList<>();
        for (String key : pending) {
            if (pending.remove(key)) {
                taken.add(key);
            }
        }
        return taken;
    }

    private void send(Map<Topic, List<String>> round) {
        if (round.isEmpty()) {
            return;
        }
        publishing.useHandle(handle -> {
            for (Map.Entry<Topic, List<String>> topic : round.entrySet()) {
                handle.createQuery("SELECT pg_notify(:channel, :payload)")
                        .bind("channel", CHANNEL)
                        .bind("payload", payload(topic.getKey(), topic.getValue()))
                        .mapTo(String.class)
                        .findOne();
            }
        });
    }

    /** The notice of one round's keys of a topic, or of {@link ChangeFeed#ALL} when they do not fit. */
    String payload(Topic topic, List<String> keys) {
        String prefix = topic.name() + ":" + node + ":";
        String listed = keys.contains(ALL) ? ALL : String.join(",", keys);
        String payload = prefix + listed;
        return payload.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES ? payload : prefix + ALL;
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
