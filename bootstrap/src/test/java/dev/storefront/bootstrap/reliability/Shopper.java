package dev.storefront.bootstrap.reliability;

import dev.storefront.bootstrap.reliability.Http.Answer;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One logged-in client that keeps buying: empty the cart, add a random composition (1–3 products,
 * 1–3 units each), check out with a fresh Idempotency-Key. It records what each key was meant to
 * buy and every order it was told about, so a crash can be audited afterwards. It stops when told
 * or when the server is gone.
 */
final class Shopper implements Runnable {
    final String name;
    final String sid;
    private final List<Long> products;
    private final Random random;
    private volatile Http http;
    private volatile boolean stop;
    private int sequence;

    /** Key to the composition it was sent for ("id x qty,…" by product id). */
    final ConcurrentMap<String, String> attempted = new ConcurrentHashMap<>();
    /** Order id to composition, for every 201 received. */
    final ConcurrentMap<Long, String> acknowledged = new ConcurrentHashMap<>();
    /** The key of a checkout that was sent but not answered (the server died under it). */
    volatile String inFlight;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong conflicts = new AtomicLong();
    final Map<Integer, AtomicLong> unexpected = new ConcurrentHashMap<>();
    private volatile CountDownLatch checkouts = new CountDownLatch(0);
    private String round = "r0";

    Shopper(String name, String sid, List<Long> products, long seed) {
        this.name = name;
        this.sid = sid;
        this.products = products;
        this.random = new Random(seed);
    }

    /** Points the shopper at a (re)started server for round {@code round}. */
    void prepare(Http http, String round, CountDownLatch checkouts) {
        this.http = http;
        this.round = round;
        this.checkouts = checkouts;
        this.stop = false;
    }

    void stop() {
        stop = true;
    }

    static String composition(Map<Long, Integer> lines) {
        return new TreeMap<>(lines).entrySet().stream().map(e -> e.getKey() + "x" + e.getValue())
                .collect(Collectors.joining(","));
    }

    private Answer send(Http.Call call) {
        requests.incrementAndGet();
        Answer answer = call.send();
        if (answer.status() >= 500) {
            serverErrors.incrementAndGet();
        }
        return answer;
    }

    @Override
    public void run() {
        try {
            while (!stop) {
                buyOnce();
            }
        } catch (UncheckedIOException serverGone) {
            // killed under us: what was in flight is recorded in inFlight
        }
    }

    private void buyOnce() {
        send(http.call("DELETE", "/api/cart").sid(sid));
        Map<Long, Integer> lines = new TreeMap<>();
        int count = 1 + random.nextInt(3);
        while (lines.size() < count) {
            lines.put(products.get(random.nextInt(products.size())), 1 + random.nextInt(3));
        }
        for (Map.Entry<Long, Integer> line : lines.entrySet()) {
            Answer added = send(http.call("POST", "/api/cart/items").sid(sid)
                    .json("{\"productId\":" + line.getKey() + ",\"quantity\":" + line.getValue() + "}"));
            if (added.status() == 409) {
                conflicts.incrementAndGet();
                return; // sold out: start again with another composition
            }
            if (added.status() != 200) {
                unexpected.computeIfAbsent(added.status(), s -> new AtomicLong()).incrementAndGet();
                return;
            }
        }
        String key = name + "-" + round + "-" + (++sequence);
        attempted.put(key, composition(lines));
        inFlight = key;
        Answer checkout = send(http.call("POST", "/api/checkout").sid(sid).header("Idempotency-Key", key));
        inFlight = null;
        if (checkout.status() == 201) {
            acknowledged.put(checkout.json().path("order").path("id").asLong(), composition(lines));
            checkouts.countDown();
        } else if (checkout.status() == 409) {
            conflicts.incrementAndGet();
        } else {
            unexpected.computeIfAbsent(checkout.status(), s -> new AtomicLong()).incrementAndGet();
        }
    }
}
