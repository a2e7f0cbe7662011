package dev.storefront.bootstrap;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Obs-folded header lines over a raw socket against the real server: refused with 400 and a close,
 * on the first request of a connection or a later one, pipelined or not, while bodies that contain
 * the same bytes (pretty-printed JSON: a line break, then spaces) are read as before.
 */
class ObsFoldIT {
    /** JSON as an editor writes it: CRLF, then indentation — a fold, were it in the header block. */
    private static final String PRETTY = "{\r\n  \"productId\": 999999,\r\n\t\"quantity\": 1\r\n}";

    @TempDir
    static Path dataDir;
    private static TestServer http;

    @BeforeAll
    static void start() {
        http = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    /** A cart add of an unknown product: 404, and nothing changes. */
    private static String addToCart(String framing, String body) {
        return "POST /api/cart/items HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + framing + "\r\n" + body;
    }

    private static String fixed(String body) {
        return addToCart("Content-Length: " + body.length() + "\r\n", body);
    }

    private static String chunked(String body) {
        int half = body.length() / 2;
        return addToCart("Transfer-Encoding: chunked\r\n", Integer.toHexString(half) + "\r\n" + body.substring(0, half) + "\r\n"
                + Integer.toHexString(body.length() - half) + ";ext=1\r\n" + body.substring(half) + "\r\n0\r\n\r\n");
    }

    private static final String HEALTH = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    private static final String FOLDED_HEALTH = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Note: one\r\n two\r\n\r\n";

    /** Writes {@code requests} (each in its own write, or all in one), then reads answers until the server closes. */
    private static List<String> statuses(boolean pipelined, String... requests) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", http.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            List<String> statuses = new ArrayList<>();
            if (pipelined) {
                out.write(String.join("", requests).getBytes(ISO_8859_1));
                for (String ignored : requests) {
                    String answer = answer(in);
                    if (answer == null) {
                        break;
                    }
                    statuses.add(answer);
                }
            } else {
                for (String request : requests) {
                    out.write(request.getBytes(ISO_8859_1));
                    String answer = answer(in);
                    if (answer == null) {
                        break;
                    }
                    statuses.add(answer);
                }
            }
            statuses.add(in.read() < 0 ? "closed" : "open");
            return statuses;
        }
    }

    /** One answer's status code and whether it said {@code Connection: close}; null when the server closed first. */
    private static String answer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.size() == 0 ? null : "truncated";
            }
            head.write(b);
        }
        String text = head.toString(ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return text.substring(9, 12);
    }

    @Test
    void anObsFoldedTransferEncodingIsRefused() throws IOException {
        String body = "7\r\n{\"a\":1}\r\n0\r\n\r\n";
        assertEquals(List.of("400", "closed"), statuses(false,
                addToCart("Transfer-Encoding:\r\n chunked\r\n", body)));
    }

    @Test
    void anyObsFoldedHeaderLineIsRefused() throws IOException {
        assertEquals(List.of("400", "closed"), statuses(false, FOLDED_HEALTH));
        assertEquals(List.of("400", "closed"), statuses(false,
                "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Note: one\r\n\ttwo\r\n\r\n"));
    }

    @Test
    void aFoldInALaterRequestOfTheConnectionIsRefusedToo() throws IOException {
        assertEquals(List.of("200", "404", "404", "400", "closed"),
                statuses(false, HEALTH, fixed(PRETTY), chunked(PRETTY), FOLDED_HEALTH));
    }

    @Test
    void aFoldInAPipelinedRequestIsRefused() throws IOException {
        assertEquals(List.of("404", "200", "400", "closed"), statuses(true, chunked(PRETTY), HEALTH, FOLDED_HEALTH));
    }

    @Test
    void bodiesThatLookLikeFoldsAreReadAsBefore() throws IOException {
        List<String> answers = statuses(true, fixed(PRETTY), chunked(PRETTY), fixed(PRETTY),
                HEALTH.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"));
        assertEquals(List.of("404", "404", "404", "200", "closed"), answers);
        assertTrue(answers.stream().noneMatch("400"::equals));
    }
}
