package dev.storefront.http.common;

import io.undertow.server.HttpServerExchange;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which address a request comes from, for per-address limits. The TCP peer, unless the peer is a
 * configured trusted proxy: then the right-most {@code X-Forwarded-For} entry that is not itself a
 * trusted proxy (entries further left are whatever the client chose to send). Without trusted
 * proxies the header is ignored, so a client cannot choose its own address.
 */
public final class ClientAddresses {
    private static final String UNKNOWN = "unknown";
    private final Set<String> trustedProxies;

    public ClientAddresses(Collection<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public String of(HttpServerExchange exchange) {
        String peer = peer(exchange);
        if (trustedProxies.isEmpty() || !trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = exchange.getRequestHeaders().get("X-Forwarded-For") == null ? List.of()
                : exchange.getRequestHeaders().get("X-Forwarded-For").stream()
                        .flatMap(line -> java.util.Arrays.stream(line.split(",")))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!trustedProxies.contains(hop)) {
                return printable(hop);
            }
        }
        return peer;
    }

    private static String peer(HttpServerExchange exchange) {
        InetSocketAddress address = exchange.getSourceAddress();
        InetAddress inet = address == null ? null : address.getAddress();
        return inet == null ? UNKNOWN : inet.getHostAddress();
    }

    /** An address from a header goes into counters and audit lines: keep it short and plain. */
    private static String printable(String hop) {
        String clean = hop.replaceAll("[^0-9A-Za-z.:\\[\\]_-]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }
}
