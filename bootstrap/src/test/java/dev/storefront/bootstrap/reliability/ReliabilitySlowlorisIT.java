package dev.storefront.bootstrap.reliability;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slowloris against the real server (the jar, in its own process, with its own logging): 10,000
 * unfinished requests from one address, 127.0.0.1, while a customer on another loopback address,
 * 127.0.0.2 (Linux routes all of 127/8 to lo), keeps asking for {@code /health} and, logged in,
 * {@code GET /api/user}. The attacker holds at most the per-address cap open; the connections it
 * holds are closed by the server's timeouts, after which 127.0.0.1 is served again; the customer's
 * p99 stays under 100 ms; the log grows by less than 1 MB.
 */
class ReliabilitySlowlorisIT {
    private static final int ATTACK = 10_000;
    private static final int PER_ADDRESS_CAP = 100;
    private static final int PROBES = 300;
    /** The server listens here, and the attacker connects from here too (the default source for it). */
    private static final InetAddress SERVER = address("127.0.0.1");
    private static final InetAddress CUSTOMER = address("127.0.0.2");
    /** The server's parse timeout is 10 s and its read timeout 20 s: every held connection is closed well within this. */
    private static final Duration ALL_CLOSED_WITHIN = Duration.ofSeconds(45);

    @TempDir
    static Path work;

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Three kinds of unfinished request: a request line, a header block, a body. */
    private static byte[] unfinished(int i) {
        String request = switch (i % 3) {
            case 0 -> "GET /health HT";
            case 1 -> "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
            default -> "POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"login\":";
        };
        return request.getBytes(ISO_8859_1);
    }

    @Test
    void unfinishedRequestsFromOneAddressNeitherStarveOthersNorFloodTheLog() throws Exception {
        long descriptors = ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getMaxFileDescriptorCount();
        assertTrue(descriptors >= ATTACK + 2_000, "this test opens " + ATTACK + " sockets at once and needs a file"
                + " descriptor limit of at least " + (ATTACK + 2_000) + " (ulimit -n); it is " + descriptors);
        Path dataDir = Files.createDirectories(work.resolve("data"));
        Path log = work.resolve("server.log");
        JarServer server = JarServer.start(dataDir, log);
        List<SocketChannel> attack = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            Http http = new Http(server.port);
            InetSocketAddress target = new InetSocketAddress(SERVER, server.port);
            String name = "victim" + System.nanoTime();
            assertEquals(201, http.post("/api/register", "{\"username\":\"" + name + "\",\"email\":\"" + name
                    + "@example.com\",\"password\":\"" + Shop.PASSWORD + "\"}", null).status());
            String sid = http.post("/api/login", "{\"login\":\"" + name + "\",\"password\":\"" + Shop.PASSWORD + "\"}", null).sid();
            Prober customer = new Prober(new InetSocketAddress(CUSTOMER, 0), target);
            customer.warmUp(sid);
            long logBefore = Files.size(log);

            long attackStart = System.nanoTime();
            int refusedAtOnce = 0;
            for (int i = 0; i < ATTACK; i++) {
                SocketChannel channel = SocketChannel.open(target);
                attack.add(channel);
                try {
                    channel.write(ByteBuffer.wrap(unfinished(i)));
                    channel.configureBlocking(false);
                    channel.register(selector, SelectionKey.OP_READ);
                } catch (IOException closedByTheServer) {
                    refusedAtOnce++;
                    channel.close();
                }
            }
            long attackMillis = (System.nanoTime() - attackStart) / 1_000_000;
            // The server closes what is over the cap at once; what is left open is what it holds.
            int registered = ATTACK - refusedAtOnce;
            Set<SocketChannel> closed = new HashSet<>();
            drainClosed(selector, registered, closed, Duration.ofSeconds(2));
            int held = registered - closed.size();
            assertTrue(held <= PER_ADDRESS_CAP, "the server holds " + held + " unfinished requests from one address");
            assertTrue(held >= PER_ADDRESS_CAP / 2, "the attack should have reached the cap, held " + held);

            long[] health = customer.probe("/health", null, PROBES);
            long[] user = customer.probe("/api/user", sid, PROBES);
            long healthP99 = p99(health);
            long userP99 = p99(user);

            long waitStart = System.nanoTime();
            drainClosed(selector, registered, closed, ALL_CLOSED_WITHIN);
            long closedAfter = (System.nanoTime() - waitStart) / 1_000_000;
            int stillOpen = registered - closed.size();
            assertEquals(0, stillOpen, stillOpen + " unfinished requests still open after " + ALL_CLOSED_WITHIN.toSeconds() + " s");
            assertEquals(200, customer.status("/health", null), "the server still answers after the attack");
            Prober attacker = new Prober(new InetSocketAddress(SERVER, 0), target);
            assertEquals(200, attacker.status("/health", null),
                    "once its connections are closed, the attacker's own address is served again (no count leaked)");

            long logGrowth = Files.size(log) - logBefore;
            String grown = Files.readString(log).substring((int) logBefore);
            long loudLines = grown.lines().filter(l -> l.contains(" WARNING ") || l.contains(" SEVERE ")).count();
            Checks.report(String.format("slowloris: connections=%d (in %d ms) heldAtOnce=%d refused=%d heldClosedByTimeoutWithin=%d ms"
                            + " probes=%d healthP99=%.1f ms userP99=%.1f ms healthMax=%.1f ms userMax=%.1f ms"
                            + " logBytes=%d loudLogLines=%d 5xx=%d",
                    ATTACK, attackMillis, held, ATTACK - held, closedAfter, customer.sent, healthP99 / 1e6, userP99 / 1e6,
                    max(health) / 1e6, max(user) / 1e6, logGrowth, loudLines, customer.serverErrors));
            assertTrue(healthP99 < 100_000_000L, "/health p99 " + healthP99 / 1e6 + " ms");
            assertTrue(userP99 < 100_000_000L, "GET /api/user p99 " + userP99 / 1e6 + " ms");
            assertTrue(logGrowth < 1_000_000, "the log grew by " + logGrowth + " bytes");
            assertTrue(loudLines <= 1, "lines at WARNING or above:\n" + grown);
            assertEquals(0, customer.serverErrors, "5xx answers to the customer");
        } finally {
            for (SocketChannel channel : attack) {
                channel.close();
            }
            server.stop();
        }
    }

    /** Collects the channels the server closed, until {@code within} has passed or all {@code registered} are. */
    private static void drainClosed(Selector selector, int registered, Set<SocketChannel> closed, Duration within)
            throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        ByteBuffer scratch = ByteBuffer.allocate(4096);
        while (closed.size() < registered && System.nanoTime() < deadline) {
            selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            for (SelectionKey key : selector.selectedKeys()) {
                SocketChannel channel = (SocketChannel) key.channel();
                int read;
                try {
                    scratch.clear();
                    read = channel.read(scratch);
                } catch (IOException reset) {
                    read = -1;
                }
                if (read < 0) {
                    closed.add(channel);
                    key.cancel();
                }
            }
            selector.selectedKeys().clear();
        }
    }

    private static long p99(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
    }

    private static long max(long[] nanos) {
        return Arrays.stream(nanos).max().orElse(0);
    }

    /** A customer on its own loopback address: one new connection per request, as after a page load. */
    private static final class Prober {
        private final InetSocketAddress local;
        private final InetSocketAddress server;
        int sent;
        int serverErrors;

        Prober(InetSocketAddress local, InetSocketAddress server) {
            this.local = local;
            this.server = server;
        }

        void warmUp(String sid) {
            for (int i = 0; i < 200; i++) {
                assertEquals(200, status("/health", null));
                assertEquals(200, status("/api/user", sid));
            }
        }

        long[] probe(String path, String sid, int count) {
            long[] nanos = new long[count];
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                int status = status(path, sid);
                nanos[i] = System.nanoTime() - start;
                assertEquals(200, status, path);
            }
            return nanos;
        }

        int status(String path, String sid) {
            sent++;
            try (Socket socket = new Socket()) {
                socket.setSoTimeout(10_000);
                socket.bind(local);
                socket.connect(server, 10_000);
                String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                        + (sid == null ? "" : "Cookie: SID=" + sid + "\r\n") + "\r\n";
                socket.getOutputStream().write(request.getBytes(ISO_8859_1));
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                in.transferTo(answer);
                String text = answer.toString(ISO_8859_1);
                int status = Integer.parseInt(text.substring(9, 12));
                if (status >= 500) {
                    serverErrors++;
                }
                return status;
            } catch (IOException e) {
                throw new UncheckedIOException(path + " from " + local.getAddress(), e);
            }
        }
    }
}
