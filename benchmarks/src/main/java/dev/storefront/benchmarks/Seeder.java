package dev.storefront.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills a running server with users through the public API, as clients would:
 *
 * <ul>
 *   <li>{@code users BASE_URL COUNT PRODUCTS CART_SHARE OUT_DIR}: registers {@code bench-u00001…},
 *       logs each in and writes the session ids to {@code OUT_DIR/sessions.txt}; a {@code CART_SHARE}
 *       (0..1) of them get 1 to 5 cart lines of in-stock products. Run it against a server started
 *       with a low {@code BCRYPT_COST}: the hashes' cost does not matter to session routes.</li>
 *   <li>{@code login-users BASE_URL COUNT OUT_FILE}: registers {@code bench-login-00001…} on a
 *       server at the configured cost, so their hashes need no upgrade at login, and writes the
 *       usernames to {@code OUT_FILE}.</li>
 * </ul>
 * Every user's password is {@link #PASSWORD}.
 */
public final class Seeder {
    public static final String PASSWORD = "bench-Passw0rd-x7q!";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Seeder() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "users" -> users(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Double.parseDouble(args[4]), Path.of(args[5]));
            case "login-users" -> loginUsers(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void users(String base, int count, int products, double cartShare, Path out) throws Exception {
        Files.createDirectories(out);
        List<String> sessions = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, "")));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<int[]>> results = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                String name = String.format("bench-u%05d", n);
                register(base, name);
                String sid = login(base, name);
                sessions.set(n - 1, sid);
                // SplittableRandom: the first draws of java.util.Random with small neighbouring seeds are alike.
                SplittableRandom random = new SplittableRandom(n);
                int lines = 0;
                if (random.nextDouble() < cartShare) {
                    int wanted = 1 + random.nextInt(5);
                    for (int l = 0; l < wanted; l++) {
                        long product = inStockProduct(random, products);
                        post(base + "/api/cart/items", "{\"productId\":" + product + ",\"quantity\":"
                                + (1 + random.nextInt(3)) + "}", sid, 200);
                        lines++;
                    }
                }
                return new int[] {lines};
            }));
        }
        int carts = 0;
        int lines = 0;
        for (Future<int[]> result : results) {
            int l = result.get()[0];
            carts += l > 0 ? 1 : 0;
            lines += l;
        }
        pool.shutdown();
        Files.write(out.resolve("sessions.txt"), sessions);
        System.out.printf("seeded %d users (sessions in %s), %d carts with %d lines%n", count,
                out.resolve("sessions.txt"), carts, lines);
    }

    /** A product id in 1..products that is in stock (every 20th is not, see {@link Dataset}). */
    static long inStockProduct(SplittableRandom random, int products) {
        long id;
        do {
            id = 1 + random.nextInt(products);
        } while (id % 20 == 0);
        return id;
    }

    private static void loginUsers(String base, int count, Path outFile) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = String.format("bench-login-%05d", i);
            names.add(pool.submit(() -> {
                register(base, name);
                return name;
            }));
        }
        List<String> lines = new ArrayList<>();
        for (Future<String> name : names) {
            lines.add(name.get());
        }
        pool.shutdown();
        Files.write(outFile, lines);
        System.out.printf("registered %d login users (%s)%n", count, outFile);
    }

    private static void register(String base, String name) throws IOException, InterruptedException {
        post(base + "/api/register", "{\"username\":\"" + name + "\",\"email\":\"" + name
                + "@bench.example\",\"password\":\"" + PASSWORD + "\"}", null, 201);
    }

    private static String login(String base, String name) throws IOException, InterruptedException {
        HttpResponse<String> response = post(base + "/api/login", "{\"login\":\"" + name + "\",\"password\":\""
                + PASSWORD + "\"}", null, 200);
        Optional<String> sid = response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("SID=")).map(c -> c.substring(4, c.indexOf(';'))).findFirst();
        return sid.orElseThrow(() -> new IllegalStateException("no SID cookie at login of " + name));
    }

    private static HttpResponse<String> post(String url, String json, String sid, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (sid != null) {
            request.header("Cookie", "SID=" + sid);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
