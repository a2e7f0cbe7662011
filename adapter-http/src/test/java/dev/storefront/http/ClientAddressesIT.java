package dev.storefront.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storefront.http.common.ApiResponse;
import dev.storefront.http.common.ClientAddresses;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client address behind per-address limits: the peer, unless a trusted proxy speaks for it. */
class ClientAddressesIT {
    private final HttpClient client = HttpClient.newHttpClient();

    private String addressSeen(List<String> trustedProxies, String forwardedFor) throws Exception {
        return addressSeen("127.0.0.1", trustedProxies, forwardedFor);
    }

    private String addressSeen(String host, List<String> trustedProxies, String forwardedFor) throws Exception {
        Undertow server = Undertow.builder().addHttpListener(0, host)
                .setHandler(HttpApi.builder(new HttpSettings(List.of(), false, 1024, trustedProxies))
                        .routes(router -> router.get("/whoami",
                                request -> ApiResponse.ok(Map.of("address", request.clientAddress()))))
                        .build())
                .build();
        server.start();
        try {
            int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/whoami"));
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            String body = client.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
            return body.replaceAll(".*\"address\":\"([^\"]*)\".*", "$1");
        } finally {
            server.stop();
        }
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() throws Exception {
        assertEquals("127.0.0.1", addressSeen(List.of(), "203.0.113.9"));
    }

    @Test
    void aTrustedProxyNamesTheClientAsTheRightMostUntrustedHop() throws Exception {
        List<String> proxies = List.of("127.0.0.1", "10.0.0.5");
        assertEquals("203.0.113.9", addressSeen(proxies, "203.0.113.9"));
        assertEquals("203.0.113.9", addressSeen(proxies, "198.51.100.1, 203.0.113.9"),
                "entries left of the last untrusted hop are the client's own words");
        assertEquals("203.0.113.9", addressSeen(proxies, "203.0.113.9, 10.0.0.5"), "trusted hops are skipped");
        assertEquals("127.0.0.1", addressSeen(proxies, null), "no header: the proxy itself");
    }

    @Test
    void aForwardedAddressCannotCarryTextIntoLogs() throws Exception {
        assertEquals("evil?value", addressSeen(List.of("127.0.0.1"), "evil value"));
    }

    /** The JDK spells the IPv6 loopback peer 0:0:0:0:0:0:0:1; the configuration says ::1. */
    @Test
    void anIpv6ProxyIsTrustedInShortAndLongForm() throws Exception {
        assertEquals("203.0.113.9", addressSeen("::1", List.of("::1"), "203.0.113.9"));
        assertEquals("203.0.113.9", addressSeen("::1", List.of("0:0:0:0:0:0:0:1"), "203.0.113.9"));
        assertEquals("0:0:0:0:0:0:0:1", addressSeen("::1", List.of("10.0.0.5"), "203.0.113.9"), "not trusted: the peer");
    }

    @Test
    void forwardedIpv6HopsAreComparedAndKeyedAsAddresses() throws Exception {
        List<String> proxies = List.of("127.0.0.1", "2001:db8::5");
        assertEquals("2001:db8:0:0:0:0:0:1", addressSeen(proxies, "2001:DB8::1"), "one key however it is spelt");
        assertEquals("2001:db8:0:0:0:0:0:1", addressSeen(proxies, "2001:db8::1, 2001:db8:0:0:0:0:0:5"),
                "a trusted hop in another spelling is still skipped");
    }

    @Test
    void trustedProxiesMustBeIpLiterals() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("proxy.example")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("10.0.0.256")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("2001:db8::1::2")));
        assertEquals("0:0:0:0:0:0:0:1", ClientAddresses.literal("::1").orElseThrow().getHostAddress());
    }
}
