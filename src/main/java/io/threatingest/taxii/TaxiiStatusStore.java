package io.threatingest.taxii;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * Where the statuses of add-objects requests live for {@code ingest.taxii.status-retention}: in this process
 * ({@link MemoryTaxiiStatusStore}, one replica) or in the state backend ({@link RedisTaxiiStatusStore}), so that a
 * client may poll any replica. A status belongs to the caller that created it ({@code owner}, a user id).
 */
public interface TaxiiStatusStore {

    Uni<Void> put(String owner, TaxiiStatus status);

    /** The status, when it is kept and belongs to {@code owner}; empty otherwise. */
    Uni<Optional<TaxiiStatus>> get(String owner, String id);
}
