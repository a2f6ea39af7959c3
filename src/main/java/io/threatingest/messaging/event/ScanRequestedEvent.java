package io.threatingest.messaging.event;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A new scan task for the scanner workers, from {@code POST /scan}. The webhook is not part of it: the service
 * calls it itself, and its URL and headers may hold credentials.
 *
 * @param targetKind {@code ip} or {@code fqdn}
 */
@RegisterForReflection
public record ScanRequestedEvent(
        String id,
        String target,
        String targetKind,
        String requestedAt,
        String userId,
        List<String> groups) {

    public static final String TYPE = "io.threatingest.scan.requested";
}
