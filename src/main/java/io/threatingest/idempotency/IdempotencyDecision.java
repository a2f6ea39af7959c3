package io.threatingest.idempotency;

import java.util.concurrent.atomic.AtomicBoolean;

/** What {@link IdempotencyService#begin} decided for a request carrying an idempotency key. */
public sealed interface IdempotencyDecision {

    /** The key is now held by this request: process it, then {@code complete} or {@code release} the claim. */
    record Proceed(Claim claim) implements IdempotencyDecision {
    }

    /** The key's request was answered already: send this answer again, process nothing. */
    record Replay(StoredAnswer answer) implements IdempotencyDecision {
    }

    /** Another request with this key is still being processed (409). */
    record InFlight() implements IdempotencyDecision {
    }

    /** The key was used for a request with another fingerprint (422). */
    record Mismatch() implements IdempotencyDecision {
    }

    /**
     * A key held by one request. It is settled once, by whichever comes first of {@code complete} and
     * {@code release}; later calls do nothing, so a safety net may release it without knowing what happened.
     */
    final class Claim {

        private final String storeKey;
        private final String token;
        private final AtomicBoolean settled = new AtomicBoolean();

        Claim(String storeKey, String token) {
            this.storeKey = storeKey;
            this.token = token;
        }

        String storeKey() {
            return storeKey;
        }

        String token() {
            return token;
        }

        /** True for the one caller that settles the claim. */
        boolean settle() {
            return settled.compareAndSet(false, true);
        }

        public boolean settled() {
            return settled.get();
        }
    }
}
