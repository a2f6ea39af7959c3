package io.threatingest.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.threatingest.config.IngestConfig;
import io.threatingest.service.Caller;

/**
 * The caller of the current request. Until authentication is configured every request is the configured
 * default identity; client-sent {@code user-id} and {@code groups} headers are never read.
 */
@ApplicationScoped
public class CallerResolver {

    private final Caller defaultCaller;

    public CallerResolver(IngestConfig config) {
        this.defaultCaller = new Caller(config.identity().defaultUserId(), config.identity().defaultGroups());
    }

    public Caller current() {
        return defaultCaller;
    }
}
