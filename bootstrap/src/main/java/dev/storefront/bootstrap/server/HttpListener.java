package dev.storefront.bootstrap.server;

import dev.storefront.domain.common.LinePerInterval;
import dev.storefront.http.common.ClientAddresses;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * The standalone server's HTTP listener: Undertow's own HTTP/1.1 connection handling on Undertow's
 * worker, with time and size limits on every request and at most {@code MAX_CONNECTIONS_PER_ADDRESS}
 * open connections per client address (the TCP peer; a configured trusted proxy is exempt). Undertow's
 * builder has no hook before a connection is handed to HTTP, so the listener is opened here on its
 * worker, as {@code Undertow.start()} would, with a counting step in front.
 *
 * <p>Why: a half-sent request line, header block or body used to stay open for ever, and 20,000
 * of them from one address used up the file descriptors until {@code /health} stopped answering.
 * Now an unfinished request is closed after {@link #REQUEST_PARSE_TIMEOUT} (headers) or
 * {@link #READ_TIMEOUT} without a byte (body), an idle keep-alive connection after
 * {@link #NO_REQUEST_TIMEOUT}, and a connection over an address's cap is closed as soon as it is
 * accepted — one log line a minute at most says how many were. A request with an obs-folded header
 * line is refused with 400 (see {@link ObsFoldGuard}).
 */
final class HttpListener implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HttpListener.class.getName());
    static final Duration REQUEST_PARSE_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    static final Duration NO_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    static final int MAX_HEADER_BYTES = 32 * 1024;
    static final int MAX_HEADERS = 100;
    static final int MAX_QUERY_PARAMETERS = 100;
    private static final Duration REFUSAL_REPORT_INTERVAL = Duration.ofMinutes(1);

    private final Undertow undertow;
    private final AcceptingChannel<StreamConnection> channel;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpListener(Undertow undertow, AcceptingChannel<StreamConnection> channel) {
        this.undertow = undertow;
        this.channel = channel;
    }

    /**
     * Starts Undertow's worker and listens on {@code host:port} with {@code handler} as the root,
     * holding at most {@code maxConnectionsPerAddress} open connections per peer not in {@code trustedProxies}
     * (IP literals).
     */
    static HttpListener start(String host, int port, HttpHandler handler, Collection<String> trustedProxies,
                              int maxConnectionsPerAddress) {
        // No listener of Undertow's own: it provides the worker threads (its defaults for this machine).
        Undertow undertow = Undertow.builder().build();
        undertow.start();
        try {
            XnioWorker worker = undertow.getWorker();
            OptionMap limits = OptionMap.builder()
                    .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) REQUEST_PARSE_TIMEOUT.toMillis())
                    .set(UndertowOptions.NO_REQUEST_TIMEOUT, (int) NO_REQUEST_TIMEOUT.toMillis())
                    .set(UndertowOptions.IDLE_TIMEOUT, (int) IDLE_TIMEOUT.toMillis())
                    .set(UndertowOptions.MAX_HEADER_SIZE, MAX_HEADER_BYTES)
                    .set(UndertowOptions.MAX_HEADERS, MAX_HEADERS)
                    .set(UndertowOptions.MAX_PARAMETERS, MAX_QUERY_PARAMETERS)
                    .getMap();
            HttpOpenListener http = new HttpOpenListener(buffers(), limits);
            http.setRootHandler(handler);
            // The socket options Undertow.start() uses for its listeners, plus read and write timeouts.
            OptionMap socket = OptionMap.builder()
                    .set(Options.WORKER_IO_THREADS, worker.getIoThreadCount())
                    .set(Options.TCP_NODELAY, true)
                    .set(Options.REUSE_ADDRESSES, true)
                    .set(Options.BALANCING_TOKENS, 1)
                    .set(Options.BALANCING_CONNECTIONS, 2)
                    .set(Options.BACKLOG, 1000)
                    .set(Options.READ_TIMEOUT, (int) READ_TIMEOUT.toMillis())
                    .set(Options.WRITE_TIMEOUT, (int) READ_TIMEOUT.toMillis())
                    .getMap();
            ChannelListener<StreamConnection> guarded = connection -> {
                connection.getSourceChannel().setConduit(new ObsFoldGuard(connection.getSourceChannel().getConduit()));
                http.handleEvent(connection);
            };
            ConnectionsPerAddress counted = new ConnectionsPerAddress(guarded, maxConnectionsPerAddress,
                    ClientAddresses.trustedAddresses(trustedProxies));
            AcceptingChannel<StreamConnection> channel = worker.createStreamConnectionServer(
                    new InetSocketAddress(InetAddress.getByName(host), port), ChannelListeners.openListenerAdapter(counted),
                    socket);
            channel.resumeAccepts();
            return new HttpListener(undertow, channel);
        } catch (IOException e) {
            undertow.stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            undertow.stop();
            throw e;
        }
    }

    /** Undertow's own choice for a listener's buffers, by the heap this JVM may use. */
    private static ByteBufferPool buffers() {
        long maxMemory = Runtime.getRuntime().maxMemory();
        if (maxMemory < 64L * 1024 * 1024) {
            return new DefaultByteBufferPool(false, 512, -1, 4);
        }
        if (maxMemory < 128L * 1024 * 1024) {
            return new DefaultByteBufferPool(true, 1024, -1, 4);
        }
        return new DefaultByteBufferPool(true, 16 * 1024 - 20, -1, 4);
    }

    int port() {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    /** Stops accepting and listening, then stops the worker (open connections are closed). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            IoUtils.safeClose(channel);
            undertow.stop();
        }
    }

    /**
     * Counts open connections per peer address and closes, at once and without reading from it, a
     * new connection from an address that already has {@code max} open. A count is released exactly
     * once, when its connection closes, whenever that is (before, while or after HTTP takes it), and
     * also when handing the connection to HTTP fails: a leaked count would lock an address out for good.
     */
    static final class ConnectionsPerAddress implements ChannelListener<StreamConnection> {
        private final ChannelListener<StreamConnection> next;
        private final int max;
        private final Set<InetAddress> exempt;
        private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
        private final LinePerInterval refusals = new LinePerInterval(System::nanoTime, REFUSAL_REPORT_INTERVAL.toNanos());

        ConnectionsPerAddress(ChannelListener<StreamConnection> next, int max, Set<InetAddress> exempt) {
            this.next = next;
            this.max = max;
            this.exempt = Set.copyOf(exempt);
        }

        @Override
        public void handleEvent(StreamConnection connection) {
            InetSocketAddress peer = connection.getPeerAddress(InetSocketAddress.class);
            InetAddress address = peer == null ? null : peer.getAddress();
            if (address == null || exempt.contains(address)) {
                next.handleEvent(connection);
                return;
            }
            if (open.merge(address, 1, Integer::sum) > max) {
                release(address);
                IoUtils.safeClose(connection);
                refused(address);
                return;
            }
            AtomicBoolean released = new AtomicBoolean();
            Runnable releaseOnce = () -> {
                if (released.compareAndSet(false, true)) {
                    release(address);
                }
            };
            boolean handedOver = false;
            try {
                next.handleEvent(connection);
                handedOver = true;
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "closed a new connection from {0}: setting it up failed ({1})",
                        address.getHostAddress(), failure.toString());
            } finally {
                if (!handedOver) {
                    releaseOnce.run();
                    IoUtils.safeClose(connection);
                }
            }
            if (handedOver) {
                releaseOnClose(connection, releaseOnce);
            }
        }

        /** Open connections counted for {@code address} (for tests). */
        int openFrom(InetAddress address) {
            return open.getOrDefault(address, 0);
        }

        /** Undertow set its own close listener while taking the connection: run ours, then its. */
        private void releaseOnClose(StreamConnection connection, Runnable releaseOnce) {
            ChannelListener<? super StreamConnection> undertows = connection.getCloseListener();
            connection.setCloseListener(closing -> {
                releaseOnce.run();
                ChannelListeners.invokeChannelListener(closing, undertows);
            });
            if (!connection.isOpen()) {
                releaseOnce.run(); // closed before our listener was in place
            }
        }

        private void release(InetAddress address) {
            open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
        }

        /** One line at most per interval, whatever the number of refusals: a flood must not flood the log. */
        private void refused(InetAddress address) {
            long refused = refusals.count();
            if (refused > 0) {
                LOG.log(Level.WARNING, "refused {0} connection(s) over the limit of {1} open per address (latest from {2});"
                        + " at most one such line a minute", refused, max, address.getHostAddress());
            }
        }
    }
}
