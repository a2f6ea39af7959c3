package io.threatingest.taxii;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.threatingest.state.StateBackend;
import io.threatingest.state.StateBackendFailures;
import io.threatingest.state.StateUnavailableException;

/** The status store of the configured state backend, each call bounded by the backend's timeout. */
@ApplicationScoped
public class TaxiiStatuses {

    private final TaxiiStatusStore store;
    private final Duration timeout;
    private final StateBackendFailures failures;

    public TaxiiStatuses(StateBackend state, StateBackendFailures failures, TaxiiStatusStore store) {
        this.store = store;
        this.timeout = state.timeout();
        this.failures = failures;
    }

    public Uni<Void> put(String owner, TaxiiStatus status) {
        return bounded(store.put(owner, status), "taxii-status-put");
    }

    public Uni<Optional<TaxiiStatus>> get(String owner, String id) {
        return bounded(store.get(owner, id), "taxii-status-get");
    }

    private <T> Uni<T> bounded(Uni<T> call, String operation) {
        return call.ifNoItem().after(timeout).fail()
                .onItem().invoke(failures::succeeded)
                .onFailure().transform(failure -> {
                    failures.failed(operation, failure);
                    return new StateUnavailableException(StateUnavailableException.Store.TAXII_STATUSES);
                });
    }
}
