package dev.storefront.http.common;

import io.undertow.server.HttpServerExchange;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which address a request comes from, for per-address limits. The TCP peer, unless the peer is a
 * configured trusted proxy: then the right-most {@code X-Forwarded-For} entry that is not itself a
 * trusted proxy (entries further left are whatever the client chose to send). Without trusted
 * proxies the header is ignored, so a client cannot choose its own address.
 *
 * <p>Addresses are compared as addresses, not as text: {@code ::1}, {@code 0:0:0:0:0:0:0:1} and
 * the JDK's own spelling of a peer are one address, and a forwarded hop that is an IP literal is
 * keyed in that same canonical form.
 */
public final class ClientAddresses {
    private static final String UNKNOWN = "unknown";
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private final Set<InetAddress> trustedProxies;

    /** @throws IllegalArgumentException for an entry that is not an IP literal (host names are not resolved) */
    public ClientAddresses(Collection<String> trustedProxies) {
        this.trustedProxies = trustedAddresses(trustedProxies);
    }

    /**
     * The IP literals as addresses, blank entries skipped.
     *
     * @throws IllegalArgumentException naming the first entry that is not an IP literal
     */
    public static Set<InetAddress> trustedAddresses(Collection<String> literals) {
        return literals.stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(text -> literal(text).orElseThrow(() -> new IllegalArgumentException("not an IP address: " + text)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * An IPv4 ({@code 10.0.0.5}) or IPv6 ({@code ::1}, {@code 2001:db8::1}) literal as an address,
     * without any name lookup; empty for anything else (a host name, a port, a zone).
     */
    public static Optional<InetAddress> literal(String text) {
        try {
            if (IPV4.matcher(text).matches()) {
                byte[] bytes = new byte[4];
                String[] parts = text.split("\\.");
                for (int i = 0; i < 4; i++) {
                    int part = Integer.parseInt(parts[i]);
                    if (part > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) part;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            if (text.length() <= 45 && IPV6.matcher(text).matches()) {
                // In brackets the JDK parses it as an IPv6 literal or fails; it never asks DNS.
                return Optional.of(InetAddress.getByName("[" + text + "]"));
            }
        } catch (UnknownHostException malformed) {
            // not a literal
        }
        return Optional.empty();
    }

    public String of(HttpServerExchange exchange) {
        InetAddress peer = peer(exchange);
        if (peer == null) {
            return UNKNOWN;
        }
        if (!trustedProxies.contains(peer)) {
            return peer.getHostAddress();
        }
        List<String> hops = exchange.getRequestHeaders().get("X-Forwarded-For") == null ? List.of()
                : exchange.getRequestHeaders().get("X-Forwarded-For").stream()
                        .flatMap(line -> Arrays.stream(line.split(",")))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            Optional<InetAddress> address = literal(hop);
            if (address.isEmpty()) {
                return printable(hop);
            }
            if (!trustedProxies.contains(address.get())) {
                return address.get().getHostAddress();
            }
        }
        return peer.getHostAddress();
    }

    private static InetAddress peer(HttpServerExchange exchange) {
        InetSocketAddress address = exchange.getSourceAddress();
        return address == null ? null : address.getAddress();
    }

    /** An address from a header goes into counters and audit lines: keep it short and plain. */
    private static String printable(String hop) {
        String clean = hop.replaceAll("[^0-9A-Za-z.:\\[\\]_-]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }
}
