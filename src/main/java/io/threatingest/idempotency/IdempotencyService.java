package io.threatingest.idempotency;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;
import io.threatingest.idempotency.IdempotencyDecision.Claim;
import io.threatingest.state.StateBackend;
import io.threatingest.state.StateBackendFailures;
import io.threatingest.state.StateUnavailableException;

/**
 * Idempotency keys ({@code Idempotency-Key}): the first request with a key of a caller holds it while it runs,
 * then its answer is kept for {@code ingest.idempotency.retention} and replayed to the same request again; another
 * request with the key meanwhile is told so. Only 2xx and 4xx answers are kept: any other outcome frees the key,
 * so that a retry runs anew. Usable by any door that can compute the request's {@link RequestFingerprint}, with
 * the body buffered or streamed:
 *
 * <pre>
 * begin(scope, key, fingerprint) → Proceed (run, then complete or release its claim) | Replay | InFlight | Mismatch
 * </pre>
 *
 * A request that proceeds must settle its claim on every path; {@link #release} after {@link #complete} does
 * nothing, so it is safe as a last resort when the request ends. A claim never settled is freed after
 * {@code ingest.idempotency.in-flight-timeout}.
 */
@ApplicationScoped
public class IdempotencyService {

    private final boolean enabled;
    private final IdempotencyStore store;
    private final Duration retention;
    private final Duration lease;
    private final Duration timeout;
    private final StateBackendFailures failures;
    private final IdempotencyMetrics metrics;

    public IdempotencyService(IngestConfig config, StateBackend state, StateBackendFailures failures,
            IdempotencyStore store, IdempotencyMetrics metrics) {
        IngestConfig.Idempotency settings = config.idempotency();
        this.enabled = settings.enabled();
        this.store = store;
        this.retention = settings.retention();
        Duration floor = config.publish().timeout().multipliedBy(2);
        this.lease = settings.inFlightTimeout().compareTo(floor) < 0 ? floor : settings.inFlightTimeout();
        this.timeout = state.shared() ? state.timeout() : null; // the memory store answers at once
        this.failures = failures;
        this.metrics = metrics;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Whether an answer with this status is kept for its key (2xx, 4xx) rather than freeing it. */
    public static boolean kept(int status) {
        return status >= 200 && status < 300 || status >= 400 && status < 500;
    }

    /**
     * Decides for a request with {@code key} from the caller {@code scope} (its user id). Fails with
     * {@link StateUnavailableException} when the state backend cannot be asked: a request is never processed
     * without the protection its client asked for.
     */
    public Uni<IdempotencyDecision> begin(String scope, String key, String fingerprint) {
        String storeKey = RequestFingerprint.scopedKey(scope, key);
        String token = UUID.randomUUID().toString();
        return timed(store.claim(storeKey, fingerprint, token, lease)).onItemOrFailure()
                .transformToUni((found, failure) -> {
                    if (failure != null) {
                        failures.failed("idempotency", failure);
                        // the claim may have been taken before the time-out: free it if the backend still can
                        store.release(storeKey, token).subscribe().with(ignored -> {
                        }, ignored -> {
                        });
                        return Uni.createFrom()
                                .failure(new StateUnavailableException(
                                        StateUnavailableException.Store.IDEMPOTENCY_KEYS));
                    }
                    failures.succeeded();
                    return Uni.createFrom().item(decide(found, fingerprint, storeKey, token));
                });
    }

    private IdempotencyDecision decide(IdempotencyStore.Found found, String fingerprint, String storeKey,
            String token) {
        if (found == null) {
            return new IdempotencyDecision.Proceed(new Claim(storeKey, token));
        }
        if (!found.fingerprint().equals(fingerprint)) {
            metrics.count("mismatch");
            return new IdempotencyDecision.Mismatch();
        }
        if (found.answer() == null) {
            metrics.count("in-flight");
            return new IdempotencyDecision.InFlight();
        }
        metrics.count("replayed");
        return new IdempotencyDecision.Replay(found.answer());
    }

    /**
     * Keeps the answer for the claim's key, or frees the key when the answer is not one to keep. Never fails:
     * the answer goes to the client either way, and a key that could not be settled is freed by its time-out.
     */
    public Uni<Void> complete(Claim claim, StoredAnswer answer) {
        if (!kept(answer.status())) {
            return release(claim);
        }
        if (!claim.settle()) {
            return Uni.createFrom().voidItem();
        }
        return settled(store.complete(claim.storeKey(), claim.token(), answer, retention), "stored");
    }

    /** Frees the claim's key for a retry; does nothing once the claim was settled. Never fails. */
    public Uni<Void> release(Claim claim) {
        if (!claim.settle()) {
            return Uni.createFrom().voidItem();
        }
        return settled(store.release(claim.storeKey(), claim.token()), "released");
    }

    private Uni<Void> settled(Uni<Void> step, String outcome) {
        return timed(step).onItemOrFailure().transformToUni((ignored, failure) -> {
            if (failure != null) {
                failures.failed("idempotency", failure);
            } else {
                failures.succeeded();
                metrics.count(outcome);
            }
            return Uni.createFrom().voidItem();
        });
    }

    private <T> Uni<T> timed(Uni<T> step) {
        return timeout == null ? step : step.ifNoItem().after(timeout).fail();
    }
}
