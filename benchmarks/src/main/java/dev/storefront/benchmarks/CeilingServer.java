package dev.storefront.benchmarks;

import dev.storefront.http.common.JsonCodec;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;

/**
 * The ceiling: the most any Storefront endpoint could answer on this machine. Undertow with the
 * same defaults as the server (2 I/O threads here, a worker pool), a handler that moves to a worker
 * thread, as every Storefront route does, and writes a page of 20 products with Storefront's own
 * Jackson codec and response records, so the JSON has exactly the shape of {@code GET /api/products}.
 * No database, no filters, no session: what is left is HTTP, a thread hop and JSON.
 *
 * <p>{@code java -cp benchmarks.jar dev.storefront.benchmarks.CeilingServer PORT}
 */
public final class CeilingServer {
    private CeilingServer() {}

    /** A page of 20 products like the catalog's (same fields, similar lengths), as response records Jackson writes field by field. */
    static CeilingServerPage.Records page() {
        return CeilingServerPage.Records.from(CeilingServerPage.products());
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        JsonCodec json = new JsonCodec();
        CeilingServerPage.Records page = page();
        Undertow server = Undertow.builder()
                .addHttpListener(port, "127.0.0.1")
                .setHandler(exchange -> exchange.dispatch(() -> {
                    byte[] body = json.write(page);
                    exchange.setStatusCode(200);
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
                    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
                    exchange.getResponseSender().send(ByteBuffer.wrap(body));
                }))
                .build();
        server.start();
        System.out.println("ceiling server on http://127.0.0.1:" + port + "/ (" + json.write(page).length + " bytes a page)");
    }
}
