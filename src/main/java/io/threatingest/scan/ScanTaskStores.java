package io.threatingest.scan;

import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.threatingest.config.IngestConfig;
import io.threatingest.state.SecretBox;
import io.threatingest.state.StateBackend;

/**
 * The scan task store of the configured state backend. Redis keeps webhooks sealed with
 * {@code ingest.state.secret-key}, so without one the start is refused unless webhooks are switched off.
 */
public class ScanTaskStores {

    @Produces
    @Singleton
    ScanTaskStore store(StateBackend state, IngestConfig config, ObjectMapper json) {
        IngestConfig.Scan scan = config.scan();
        if (!state.shared()) {
            return new MemoryScanTaskStore(scan.reuseWindow(), scan.retention(), scan.webhookLease(), scan.maxTasks());
        }
        Optional<SecretBox> box = SecretBox.of(config.state().secretKey());
        if (scan.webhook().enabled() && box.isEmpty()) {
            throw new IllegalStateException("ingest.state.secret-key is required with ingest.state.backend=redis: "
                    + "webhooks are stored there sealed with it (a 32-byte key, base64: openssl rand -base64 32). "
                    + "To run without webhooks, set ingest.scan.webhook.enabled=false");
        }
        return new RedisScanTaskStore(state.redis(), json, box, scan.reuseWindow(), scan.retention(),
                scan.webhookLease());
    }
}
