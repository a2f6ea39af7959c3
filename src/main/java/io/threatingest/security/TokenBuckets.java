package io.threatingest.security;

import io.smallrye.mutiny.Uni;

/**
 * Token buckets per identity: {@code burst} tokens at most, refilled at a steady rate; a request takes one. In
 * memory for one replica, in the state backend for several ({@code ingest.state.backend}).
 */
public interface TokenBuckets {

    /** The outcome of one take: whether a token was there, and how many are left (a fraction while refilling). */
    record Take(boolean allowed, double tokensLeft) {
    }

    Uni<Take> take(String identity);
}
