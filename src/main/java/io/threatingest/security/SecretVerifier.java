package io.threatingest.security;

import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.BiPredicate;

/**
 * Runs Argon2id checks behind two guards. Each check holds the hash's whole memory cost (19 MiB with our
 * parameters) for its duration, so a burst of first requests, or of wrong secrets, would otherwise multiply
 * that cost by the number of worker threads. Concurrent checks of the same key, secret and hash share one
 * computation, and at most {@code maxConcurrent} computations run at once; the rest wait their turn.
 * Blocking: call it on a worker thread.
 */
final class SecretVerifier {

    /** Tests a secret (first) against a stored hash (second). */
    private final BiPredicate<String, String> check;
    private final Semaphore permits;
    private final ConcurrentMap<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

    SecretVerifier(int maxConcurrent, BiPredicate<String, String> check) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("at least one concurrent verification is needed");
        }
        this.check = check;
        this.permits = new Semaphore(maxConcurrent, true);
    }

    boolean verify(String keyId, String secret, String hash) throws InterruptedException {
        String flight = keyId + '\n' + hash + '\n' + HexFormat.of().formatHex(VerifiedSecrets.digest(secret));
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inFlight.putIfAbsent(flight, mine);
        if (running != null) {
            try {
                return running.get();
            } catch (ExecutionException sharedFailed) {
                // the first caller was interrupted (or failed); its outcome is not this caller's answer
                return compute(secret, hash);
            }
        }
        try {
            boolean matches = compute(secret, hash);
            mine.complete(matches);
            return matches;
        } catch (InterruptedException | RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(flight, mine);
        }
    }

    /** Computations running now (for tests and diagnostics). */
    int inFlight() {
        return inFlight.size();
    }

    private boolean compute(String secret, String hash) throws InterruptedException {
        permits.acquire();
        try {
            return check.test(secret, hash);
        } finally {
            permits.release();
        }
    }
}
