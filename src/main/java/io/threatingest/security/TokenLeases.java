package io.threatingest.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.smallrye.mutiny.Uni;

/**
 * A replica's share of each caller's shared bucket: a busy caller's requests take their tokens from a lease of
 * several tokens, taken from the shared bucket in one call, instead of one call each. No caller ever gets more than
 * the shared bucket gave: a lease's tokens are taken from it before they are spent, and what is left of a lease once
 * it is stale ({@link #HOLD_NANOS}) is not spent but given back (capped at the burst there) by the caller's next
 * take, in the same call. The price is that a replica may hold up to {@code maxLease} of a caller's tokens while
 * another replica refuses the caller: for {@link #HOLD_NANOS} while the caller is busy, until its next request here
 * once it is not.
 * <p>
 * A lease starts at one token and doubles while callers use each one up before it goes stale, up to {@code maxLease};
 * one left over halves it. One take from the shared bucket at a time per caller: requests that find the lease empty
 * while it is being refilled wait for that refill, and the next refill asks for enough tokens for all who wait.
 * With {@code maxLease} 1 every request asks the shared bucket.
 */
final class TokenLeases {

    /** What the shared bucket gave: how many tokens, and how many it has left (a fraction while refilling). */
    record Grant(int granted, double tokensLeft) {
    }

    /** The shared bucket. */
    interface Source {

        /**
         * Puts back {@code unspent} tokens of a stale lease (never above the burst), then takes up to {@code wanted}.
         */
        Uni<Grant> take(String identity, int wanted, int unspent);
    }

    static final long HOLD_NANOS = 200_000_000L;

    private final Source source;
    private final int maxLease;
    private final int maxIdentities;
    private final ConcurrentHashMap<String, Lease> leases = new ConcurrentHashMap<>();

    TokenLeases(Source source, int maxLease, int maxIdentities) {
        this.source = source;
        this.maxLease = Math.max(1, maxLease);
        this.maxIdentities = maxIdentities;
    }

    Uni<TokenBuckets.Take> take(String identity) {
        Lease lease = maxLease == 1 ? null : leases.get(identity);
        if (lease == null && maxLease > 1 && leases.size() < maxIdentities) {
            lease = leases.computeIfAbsent(identity, key -> new Lease(key));
        }
        if (lease == null) {
            return source.take(identity, 1, 0)
                    .map(grant -> new TokenBuckets.Take(grant.granted() > 0, grant.tokensLeft()));
        }
        return lease.take();
    }

    private final class Lease {

        private final String identity;
        private int remaining;
        private long staleAt;
        private int size = 1;
        /** Requests waiting for a refill: the next one asks for at least this many, so that none waits twice. */
        private int waiting;
        private Uni<Grant> refill;

        Lease(String identity) {
            this.identity = identity;
            this.staleAt = System.nanoTime();
        }

        Uni<TokenBuckets.Take> take() {
            long now = System.nanoTime();
            Uni<Grant> shared;
            synchronized (this) {
                if (remaining > 0 && now - staleAt < 0) {
                    remaining--;
                    return Uni.createFrom().item(new TokenBuckets.Take(true, remaining));
                }
                if (refill == null) {
                    int unspent = 0;
                    if (remaining > 0) {
                        unspent = remaining;
                        remaining = 0;
                        size = Math.max(1, size / 2);
                    } else if (now - staleAt < 0) {
                        size = Math.min(maxLease, size * 2);
                    }
                    refill = source.take(identity, Math.max(size, waiting + 1), unspent)
                            .onItem().invoke(this::received)
                            .onFailure().invoke(failure -> forget())
                            .memoize().indefinitely();
                }
                shared = refill;
                waiting++;
            }
            AtomicBoolean left = new AtomicBoolean();
            return shared.onItemOrFailure().transformToUni((grant, failure) -> {
                leave(left);
                return failure != null ? Uni.createFrom().<TokenBuckets.Take>failure(failure) : takeAfterRefill(grant);
            }).onCancellation().invoke(() -> leave(left));
        }

        private void leave(AtomicBoolean left) {
            if (left.compareAndSet(false, true)) {
                synchronized (this) {
                    waiting--;
                }
            }
        }

        private synchronized void received(Grant grant) {
            remaining += grant.granted();
            staleAt = System.nanoTime() + HOLD_NANOS;
            refill = null;
        }

        private synchronized void forget() {
            refill = null;
        }

        private Uni<TokenBuckets.Take> takeAfterRefill(Grant grant) {
            synchronized (this) {
                if (remaining > 0) {
                    remaining--;
                    return Uni.createFrom().item(new TokenBuckets.Take(true, remaining));
                }
            }
            // the bucket had tokens but other requests spent this refill first: ask again; with none there, refuse
            return grant.granted() > 0
                    ? take()
                    : Uni.createFrom().item(new TokenBuckets.Take(false, grant.tokensLeft()));
        }
    }
}
