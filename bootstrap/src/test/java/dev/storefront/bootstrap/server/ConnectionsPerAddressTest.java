package dev.storefront.bootstrap.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.server.HttpListener.ConnectionsPerAddress;
import dev.storefront.http.common.ClientAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;

/** The per-address connection count, on connections that need no socket. */
class ConnectionsPerAddressTest {
    private static final InetAddress CLIENT = ClientAddresses.literal("192.0.2.7").orElseThrow();

    /** A connection from {@code peer} that only opens and closes (XNIO runs its close listener on close). */
    private static final class FakeConnection extends StreamConnection {
        private final InetSocketAddress peer;

        FakeConnection(InetAddress peer) {
            super(null);
            this.peer = new InetSocketAddress(peer, 40_000);
        }

        @Override
        public SocketAddress getPeerAddress() {
            return peer;
        }

        @Override
        public SocketAddress getLocalAddress() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 5005);
        }

        @Override
        protected void notifyReadClosed() {
            // no channels behind it
        }

        @Override
        protected void notifyWriteClosed() {
            // no channels behind it
        }
    }

    private static ConnectionsPerAddress counting(ChannelListener<StreamConnection> http, int max) {
        return new ConnectionsPerAddress(http, max, Set.of());
    }

    /** What Undertow does when it takes a connection: it sets a close listener of its own. */
    private static ChannelListener<StreamConnection> undertowLike(AtomicInteger undertowClosed) {
        return connection -> connection.setCloseListener(closed -> undertowClosed.incrementAndGet());
    }

    @Test
    void aConnectionWhoseSetUpFailsIsClosedAndNoLongerCounted() {
        AtomicInteger setUps = new AtomicInteger();
        ConnectionsPerAddress counted = counting(connection -> {
            if (setUps.incrementAndGet() == 1) {
                throw new IllegalStateException("set-up failed");
            }
        }, 1);
        FakeConnection connection = new FakeConnection(CLIENT);

        assertDoesNotThrow(() -> counted.handleEvent(connection));

        assertFalse(connection.isOpen(), "closed");
        assertEquals(0, counted.openFrom(CLIENT), "a leaked count would lock the address out for good");
        FakeConnection next = new FakeConnection(CLIENT);
        counted.handleEvent(next);
        assertTrue(next.isOpen(), "the address may connect again");
    }

    @Test
    void aConnectionClosedWhileHttpTakesItIsReleasedOnce() {
        ConnectionsPerAddress counted = counting(IoUtils::safeClose, 2);

        counted.handleEvent(new FakeConnection(CLIENT));

        assertEquals(0, counted.openFrom(CLIENT));
    }

    @Test
    void aConnectionClosedLaterIsReleasedAndUndertowsCloseListenerStillRuns() throws IOException {
        AtomicInteger undertowClosed = new AtomicInteger();
        ConnectionsPerAddress counted = counting(undertowLike(undertowClosed), 2);
        FakeConnection first = new FakeConnection(CLIENT);
        FakeConnection second = new FakeConnection(CLIENT);
        counted.handleEvent(first);
        counted.handleEvent(second);
        assertEquals(2, counted.openFrom(CLIENT));

        first.close();
        assertTrue(undertowClosed.get() >= 1, "Undertow's close listener ran");
        first.close();

        assertEquals(1, counted.openFrom(CLIENT), "released once");
    }

    @Test
    void aConnectionOverTheCapIsClosedAtOnceAndTheCapFreesWithTheFirstClose() throws IOException {
        AtomicInteger undertowClosed = new AtomicInteger();
        ConnectionsPerAddress counted = counting(undertowLike(undertowClosed), 2);
        List<FakeConnection> held = List.of(new FakeConnection(CLIENT), new FakeConnection(CLIENT));
        held.forEach(counted::handleEvent);

        FakeConnection over = new FakeConnection(CLIENT);
        counted.handleEvent(over);
        assertFalse(over.isOpen());
        assertEquals(2, counted.openFrom(CLIENT));

        held.get(0).close();
        FakeConnection again = new FakeConnection(CLIENT);
        counted.handleEvent(again);
        assertTrue(again.isOpen());
    }

    /** The JDK spells an IPv6 peer in full; TRUSTED_PROXIES may say ::1. */
    @Test
    void aTrustedIpv6ProxyInShortFormIsNotCounted() {
        ConnectionsPerAddress counted = new ConnectionsPerAddress(connection -> { }, 1,
                ClientAddresses.trustedAddresses(List.of("::1")));
        InetAddress loopback6 = ClientAddresses.literal("0:0:0:0:0:0:0:1").orElseThrow();
        FakeConnection first = new FakeConnection(loopback6);
        FakeConnection second = new FakeConnection(loopback6);

        counted.handleEvent(first);
        counted.handleEvent(second);

        assertTrue(first.isOpen() && second.isOpen(), "a trusted proxy is exempt from the cap");
        assertEquals(0, counted.openFrom(loopback6));
    }
}
