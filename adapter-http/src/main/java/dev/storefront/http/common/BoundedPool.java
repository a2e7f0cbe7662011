package dev.storefront.http.common;

import java.util.ArrayDeque;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed set of threads with a bounded number of waiting requests. Admission is decided on the
 * I/O thread: a request that finds the pool and its queue full is answered 503 at once instead of
 * tying up a thread, so a storm on one route cannot starve the others.
 *
 * <p>A pool may have lanes {@link #behind} it: work on the same threads that must never delay the
 * pool's own (registrations behind logins). A free thread always takes the pool's waiting tasks
 * before a lane's, a lane admits only up to its own bound, so it cannot fill the pool's queue, and
 * a lane's tasks hold at most all threads but one (of a pool of two or more): the pool's next task
 * never waits for a lane's task to finish.
 */
public final class BoundedPool implements AutoCloseable {
    private final Threads threads;
    private final int rank;
    private final Semaphore admitted;
    private final int capacity;
    /** For a lane: its admitted tasks not yet handed to the threads, and how many are handed. */
    private final ArrayDeque<Runnable> held = new ArrayDeque<>();
    private int handed;

    public BoundedPool(String name, int threads, int maxWaiting) {
        this(new Threads(name, checked(threads, maxWaiting)), 0, threads + maxWaiting);
    }

    private static int checked(int threads, int maxWaiting) {
        if (threads < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("threads >= 1 and maxWaiting >= 0 required");
        }
        return threads;
    }

    private BoundedPool(Threads threads, int rank, int capacity) {
        this.threads = threads;
        this.rank = rank;
        this.capacity = capacity;
        this.admitted = new Semaphore(capacity);
    }

    /**
     * A lane on this pool's threads whose waiting tasks are taken only when none of this pool's
     * (or of an earlier lane's) wait, admitting at most {@code capacity} tasks, running or waiting.
     * Closing the lane or the pool closes both.
     */
    public BoundedPool behind(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity >= 1 required");
        }
        return new BoundedPool(threads, rank + 1, capacity);
    }

    boolean tryAdmit() {
        return admitted.tryAcquire();
    }

    /** Runs an admitted task; its admission is given back when it ends. */
    void run(Runnable task) {
        Runnable releasing = () -> {
            try {
                task.run();
            } finally {
                admitted.release();
            }
        };
        if (rank == 0) {
            hand(releasing);
            return;
        }
        synchronized (held) {
            held.add(releasing);
        }
        handHeld();
    }

    /** Hands a lane's held tasks to the threads while fewer than all threads but one hold its tasks. */
    private void handHeld() {
        int most = Math.max(1, threads.getCorePoolSize() - 1);
        while (true) {
            Runnable next;
            synchronized (held) {
                if (handed >= most || held.isEmpty()) {
                    return;
                }
                next = held.poll();
                handed++;
            }
            hand(() -> {
                try {
                    next.run();
                } finally {
                    synchronized (held) {
                        handed--;
                    }
                    try {
                        handHeld();
                    } catch (RejectedExecutionException closing) {
                        // The pool is closing: tasks still held go unrun, like those in its queue.
                    }
                }
            });
        }
    }

    private void hand(Runnable task) {
        threads.execute(new Ranked(rank, threads.sequence.getAndIncrement(), task));
    }

    public int capacity() {
        return capacity;
    }

    @Override
    public void close() {
        threads.stop();
    }

    /** A task in the shared queue: lower rank first, then first come, first served. */
    private record Ranked(int rank, long sequence, Runnable task) implements Runnable, Comparable<Ranked> {
        @Override
        public void run() {
            task.run();
        }

        @Override
        public int compareTo(Ranked other) {
            int byRank = Integer.compare(rank, other.rank);
            return byRank != 0 ? byRank : Long.compare(sequence, other.sequence);
        }
    }

    /** The threads a pool and its lanes share, taking tasks from one queue ordered by rank. */
    private static final class Threads extends ThreadPoolExecutor {
        final AtomicLong sequence = new AtomicLong();

        Threads(String name, int count) {
            super(count, count, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(), daemons(name));
            // Every task then goes through the queue: none is handed to a thread being started.
            prestartAllCoreThreads();
        }

        private static ThreadFactory daemons(String name) {
            AtomicInteger counter = new AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }

        void stop() {
            shutdown();
            try {
                if (!awaitTermination(10, TimeUnit.SECONDS)) {
                    shutdownNow();
                }
            } catch (InterruptedException e) {
                shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
