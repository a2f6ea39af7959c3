package io.threatingest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecretVerifierTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void concurrentChecksOfTheSamePairShareOneComputation() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SecretVerifier verifier = new SecretVerifier(4, (secret, hash) -> {
            computations.incrementAndGet();
            entered.countDown();
            await(release);
            return secret.equals("right");
        });

        Future<Boolean> leader = pool.submit(() -> verifier.verify("k1", "right", "h"));
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        List<Thread> followerThreads = new ArrayList<>();
        List<Future<Boolean>> followers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            followers.add(pool.submit(() -> {
                synchronized (followerThreads) {
                    followerThreads.add(Thread.currentThread());
                }
                return verifier.verify("k1", "right", "h");
            }));
        }
        waitUntilAllParked(followerThreads, 6);
        release.countDown();

        assertTrue(leader.get(5, TimeUnit.SECONDS));
        for (Future<Boolean> follower : followers) {
            assertTrue(follower.get(5, TimeUnit.SECONDS));
        }
        assertEquals(1, computations.get());
        assertEquals(0, verifier.inFlight());
    }

    @Test
    void runsAtMostTheAllowedNumberOfComputationsAtOnce() throws Exception {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger computations = new AtomicInteger();
        SecretVerifier verifier = new SecretVerifier(2, (secret, hash) -> {
            computations.incrementAndGet();
            peak.accumulateAndGet(active.incrementAndGet(), Math::max);
            sleep(40);
            active.decrementAndGet();
            return false;
        });

        List<Future<Boolean>> checks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String secret = "wrong-" + i;
            checks.add(pool.submit(() -> verifier.verify("k1", secret, "h")));
        }
        for (Future<Boolean> check : checks) {
            assertEquals(false, check.get(10, TimeUnit.SECONDS));
        }
        assertEquals(8, computations.get(), "different secrets are never shared");
        assertTrue(peak.get() <= 2, "peak concurrency " + peak.get());
    }

    @Test
    void aFailedComputationReachesItsCallerAndIsNotKept() {
        SecretVerifier verifier = new SecretVerifier(1, (secret, hash) -> {
            throw new IllegalArgumentException("unreadable hash");
        });
        assertThrows(IllegalArgumentException.class, () -> verifier.verify("k1", "s", "h"));
        assertEquals(0, verifier.inFlight());
    }

    @Test
    void waitingCallersComputeThemselvesWhenTheSharedComputationFails() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SecretVerifier verifier = new SecretVerifier(4, (secret, hash) -> {
            if (computations.incrementAndGet() == 1) {
                entered.countDown();
                await(release);
                throw new IllegalStateException("first computation fails");
            }
            return true;
        });

        Future<Boolean> leader = pool.submit(() -> verifier.verify("k1", "right", "h"));
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        List<Thread> followerThreads = new ArrayList<>();
        List<Future<Boolean>> followers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            followers.add(pool.submit(() -> {
                synchronized (followerThreads) {
                    followerThreads.add(Thread.currentThread());
                }
                return verifier.verify("k1", "right", "h");
            }));
        }
        waitUntilAllParked(followerThreads, 3);
        release.countDown();

        ExecutionException failed = assertThrows(ExecutionException.class, () -> leader.get(5, TimeUnit.SECONDS));
        assertEquals("first computation fails", failed.getCause().getMessage());
        for (Future<Boolean> follower : followers) {
            assertTrue(follower.get(5, TimeUnit.SECONDS));
        }
        assertEquals(4, computations.get());
        assertEquals(0, verifier.inFlight());
    }

    @Test
    void needsAtLeastOnePermit() {
        assertThrows(IllegalArgumentException.class, () -> new SecretVerifier(0, (secret, hash) -> true));
    }

    private static void waitUntilAllParked(List<Thread> threads, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            synchronized (threads) {
                if (threads.size() == expected
                        && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("followers did not all wait for the shared computation");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
