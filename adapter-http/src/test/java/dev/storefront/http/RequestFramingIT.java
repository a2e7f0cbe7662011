package dev.storefront.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How a request's body is framed, over a raw socket: {@code Transfer-Encoding} other than exactly
 * {@code chunked}, several of them, one with {@code Content-Length}, obs-folded header lines (all
 * ways to smuggle a request past a proxy that reads the framing differently), and malformed or
 * broken-off chunked bodies. Each is a 400 that closes the connection, or a silent close, and none
 * makes the server log at WARNING or above.
 */
class RequestFramingIT {
    private static final String BODY = "{\"name\":\"pen\",\"count\":1}";
    private static TestServer server;

    private LoudLogLines loud;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void captureLog() {
        loud = LoudLogLines.open();
    }

    @AfterEach
    void noLoudLogLines() {
        loud.close();
        assertEquals(List.of(), loud.lines());
    }

    /** What the server answered before it closed the connection; fails if it kept it open for 5 s. */
    private static String exchange(String request) {
        try (Socket socket = new Socket("127.0.0.1", server.port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the connection stayed open; read so far: " + answer.toString(ISO_8859_1));
            } catch (IOException reset) {
                // A reset after the answer is a close too.
            }
            return answer.toString(ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String post(String headers, String body) {
        return "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + headers + "\r\n" + body;
    }

    private static String chunked(String body) {
        return Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
    }

    private static void assertBadRequestAndClosed(String answer) {
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertEquals(1, answer.split("HTTP/1.1 ", -1).length - 1, "one answer only: " + answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip, chunked", "chunked, identity", "identity", "xchunked", "chunked;q=1", "chunked, chunked"})
    void aTransferEncodingOtherThanChunkedIsRefused(String encoding) {
        assertBadRequestAndClosed(exchange(post("Transfer-Encoding: " + encoding + "\r\n", chunked(BODY))));
    }

    @Test
    void twoTransferEncodingHeadersAreRefused() {
        assertBadRequestAndClosed(exchange(post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", chunked(BODY))));
    }

    @Test
    void transferEncodingWithContentLengthIsRefused() {
        String body = chunked(BODY);
        assertBadRequestAndClosed(exchange(post("Content-Length: " + body.length() + "\r\nTransfer-Encoding: chunked\r\n", body)));
    }

    @Test
    void exactlyChunkedInAnyCaseIsRead() {
        String answer = exchange(post("Transfer-Encoding: ChunKed\r\nConnection: close\r\n", chunked(BODY)));

        assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
        assertTrue(answer.endsWith(BODY), answer);
    }

    /**
     * Undertow closes the connection itself when it meets a malformed chunk, before anything can
     * answer: a silent close, then. What matters is that it is closed and nothing is logged loudly.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ZZ\r\n{}\r\n0\r\n\r\n", "-1\r\n{}\r\n0\r\n\r\n", "fffffffffffffffffff\r\n{}\r\n0\r\n\r\n"})
    void aMalformedChunkedBodyClosesTheConnectionWithAtMostA400(String body) {
        String answer = exchange(post("Transfer-Encoding: chunked\r\n", body));

        assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 400 "), answer);
    }

    @Test
    void aBodyThatBreaksOffIsClosedSilently() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port)) {
            socket.getOutputStream().write(post("Content-Length: 100\r\n", "{\"name\":").getBytes(ISO_8859_1));
            socket.getOutputStream().flush();
        }
        // Nothing to read: the client is gone. The server must not log it loudly (checked after the test),
        // and it must still answer the next client.
        assertEquals(200, server.send(server.request("/echo")).statusCode());
        Thread.sleep(200); // let the I/O thread see the close before the log is checked
    }
}
