package dev.storefront.http.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of threads with a bounded number of waiting requests. Admission is decided on the
 * I/O thread: a request that finds the pool and its queue full is answered 503 at once instead of
 * tying up a thread, so a storm on one route cannot starve the others.
 */
public final class BoundedPool implements AutoCloseable {
    private final ExecutorService executor;
    private final Semaphore admitted;
    private final int capacity;

    public BoundedPool(String name, int threads, int maxWaiting) {
        if (threads < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("threads >= 1 and maxWaiting >= 0 required");
        }
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
        this.capacity = threads + maxWaiting;
        this.admitted = new Semaphore(capacity);
    }

    boolean tryAdmit() {
        return admitted.tryAcquire();
    }

    /** Runs an admitted task; its admission is given back when it ends. */
    void run(Runnable task) {
        executor.execute(() -> {
            try {
                task.run();
            } finally {
                admitted.release();
            }
        });
    }

    public int capacity() {
        return capacity;
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
