package io.threatingest.http;

import jakarta.ws.rs.core.Response;

import io.vertx.ext.web.RoutingContext;

/**
 * A family of paths under one prefix that follows rules of its own inside the request pipeline: its own content
 * negotiation once the body is read, its own error format, its own answer for a path no resource serves. Its POSTs
 * are submissions like the API's (counted, and open to {@code Idempotency-Key}). A bean implementing this is all
 * a protocol such as TAXII needs to plug into the pipeline.
 */
public interface PathFamily {

    /** The prefix without a trailing slash, e.g. {@code /taxii2}. */
    String prefix();

    /** The {@code endpoint} label its submissions are counted under. */
    String endpoint();

    /** Runs once the body has been read: fails the request with an {@code ApiException}, or passes it on. */
    void negotiate(RoutingContext context);

    /** Runs after the REST layer, for a path under the prefix that no resource matched. */
    void unknown(RoutingContext context);

    /** The error answer as this family writes errors (the uniform answer it is given keeps its headers). */
    Response errorAnswer(Response answer);

    default boolean contains(String path) {
        return path != null && (path.equals(prefix()) || path.startsWith(prefix() + "/"));
    }
}
