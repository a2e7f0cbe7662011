package dev.storefront.http.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedPoolTest {

    @Test
    void aWaitingTaskOfThePoolIsTakenBeforeEveryWaitingTaskOfTheLaneBehindIt() throws Exception {
        try (BoundedPool logins = new BoundedPool("test-hashing", 1, 4)) {
            BoundedPool registrations = logins.behind(8);
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch finished = new CountDownLatch(5);

            // The only thread is busy with a registration; three more registrations wait, then a login.
            submit(registrations, () -> {
                started.countDown();
                await(release);
                order.add("registration-0");
            }, finished);
            assertTrue(started.await(10, TimeUnit.SECONDS));
            for (int i = 1; i <= 3; i++) {
                String name = "registration-" + i;
                submit(registrations, () -> order.add(name), finished);
            }
            submit(logins, () -> order.add("login"), finished);

            release.countDown();
            assertTrue(finished.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("registration-0", "login", "registration-1", "registration-2", "registration-3"),
                    order);
        }
    }

    @Test
    void aFullLaneLeavesThePoolsOwnAdmissionsFree() {
        try (BoundedPool logins = new BoundedPool("test-hashing", 1, 1)) {
            BoundedPool registrations = logins.behind(2);
            assertTrue(registrations.tryAdmit());
            assertTrue(registrations.tryAdmit());
            assertFalse(registrations.tryAdmit(), "the lane's own bound");
            assertTrue(logins.tryAdmit());
            assertTrue(logins.tryAdmit());
            assertFalse(logins.tryAdmit(), "the pool's bound: its thread and one waiting");
            assertEquals(2, logins.capacity());
            assertEquals(2, registrations.capacity());
        }
    }

    @Test
    void aLaneNeverHoldsEveryThreadSoThePoolsNextTaskStartsAtOnce() throws Exception {
        try (BoundedPool logins = new BoundedPool("test-hashing", 2, 4)) {
            BoundedPool registrations = logins.behind(8);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch registrationsRunning = new CountDownLatch(2);
            CountDownLatch finished = new CountDownLatch(4);
            for (int i = 0; i < 3; i++) {
                submit(registrations, () -> {
                    registrationsRunning.countDown();
                    await(release);
                }, finished);
            }
            CountDownLatch loginRan = new CountDownLatch(1);
            // Both threads would be held by registrations without the lane's bound: the login would wait for them.
            submit(logins, loginRan::countDown, new CountDownLatch(1));
            assertTrue(loginRan.await(10, TimeUnit.SECONDS), "the login ran while registrations held a thread");
            assertFalse(registrationsRunning.await(200, TimeUnit.MILLISECONDS),
                    "only one of the two threads runs a registration");
            release.countDown();
            submit(logins, () -> {}, finished);
            assertTrue(finished.await(10, TimeUnit.SECONDS), "the held registrations run once the first ends");
        }
    }

    private static void submit(BoundedPool pool, Runnable task, CountDownLatch finished) {
        assertTrue(pool.tryAdmit());
        pool.run(() -> {
            try {
                task.run();
            } finally {
                finished.countDown();
            }
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
