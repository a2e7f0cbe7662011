package dev.storefront.http.common;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.http.LoudLogLines;
import io.undertow.Undertow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request body must arrive whole within the body deadline (2 s here, 30 s in production), over
 * a raw socket on a plain Undertow listener without read timeouts, as an embedder's may be.
 */
class BodyDeadlineIT {
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final String BODY = "{\"name\":\"pen\"}";

    private Undertow undertow;
    private int port;
    private LoudLogLines loud;

    @BeforeEach
    void start() {
        Router router = new Router().post("/echo", request -> ApiResponse.ok(Map.of("ok", true)));
        JsonCodec json = new JsonCodec();
        RoutingHandler routes = new RoutingHandler(router, json, new ProblemWriter(json), 1024,
                PrincipalResolver.ANONYMOUS, new ClientAddresses(List.of()), DEADLINE);
        undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(new RequestIdHandler(routes)).build();
        undertow.start();
        port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        loud = LoudLogLines.open();
    }

    @AfterEach
    void stop() {
        loud.close();
        undertow.stop();
        assertEquals(List.of(), loud.lines(), "nothing at WARNING or above");
    }

    private static String head(int contentLength) {
        return "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + contentLength + "\r\n\r\n";
    }

    /** Read timeouts restart on every byte; the deadline does not. */
    @Test
    void aBodyTrickledOneByteASecondIsCutOffAtTheDeadline() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(1_000); // the pace: one byte per second the server stays silent
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head(BODY.length()).getBytes(ISO_8859_1));
            int sent = 0;
            int answer = 0;
            while (sent < BODY.length()) {
                try {
                    answer = in.read();
                    break; // the server spoke or closed before the body was complete
                } catch (SocketTimeoutException stillOpen) {
                    if (!trickle(out, BODY.charAt(sent))) {
                        answer = -1;
                        break;
                    }
                    sent++;
                } catch (SocketException reset) {
                    // A close with a trickled byte still unread reaches the client as a reset, not a FIN.
                    answer = -1;
                    break;
                }
            }

            assertTrue(sent < BODY.length(), "the whole body was accepted, trickled over " + sent + " s");
            assertEquals(-1, answer, "closed without an answer");
        }
    }

    @Test
    void aBodyInPiecesWithinTheDeadlineIsServedAndTheConnectionStaysUsable() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head(BODY.length()).getBytes(ISO_8859_1));
            for (int piece = 0; piece < 3; piece++) {
                out.flush();
                Thread.sleep(150);
                int from = piece * BODY.length() / 3;
                int to = (piece + 1) * BODY.length() / 3;
                out.write(BODY.substring(from, to).getBytes(ISO_8859_1));
            }
            out.flush();
            assertTrue(readResponse(in).startsWith("HTTP/1.1 200"));

            Thread.sleep(DEADLINE.toMillis() + 500); // the first request's timer must be gone
            out.write((head(BODY.length()) + BODY).getBytes(ISO_8859_1));
            out.flush();
            assertTrue(readResponse(in).startsWith("HTTP/1.1 200"), "the kept-alive connection still serves");
        }
    }

    /** Sends one byte; false when the server has already closed the connection. */
    private static boolean trickle(OutputStream out, char next) {
        try {
            out.write(next);
            out.flush();
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** One response: status line and headers, then the Content-Length bytes of its body. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        while (!text.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return text.toString();
            }
            text.append((char) b);
        }
        String lower = text.toString().toLowerCase(java.util.Locale.ROOT);
        int at = lower.indexOf("content-length:");
        int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
        text.append(new String(in.readNBytes(length), ISO_8859_1));
        return text.toString();
    }
}
