package io.threatingest.taxii;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.threatingest.config.IngestConfig;
import io.threatingest.state.StateBackend;

/** The TAXII status store of the configured state backend. */
public class TaxiiStatusStores {

    @Produces
    @Singleton
    TaxiiStatusStore store(StateBackend state, IngestConfig config, ObjectMapper json) {
        IngestConfig.Taxii taxii = config.taxii();
        return state.shared()
                ? new RedisTaxiiStatusStore(state.redis(), json, taxii.statusRetention())
                : new MemoryTaxiiStatusStore(taxii.statusRetention(), taxii.maxStatuses(), Clock.systemUTC());
    }
}
