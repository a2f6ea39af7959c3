package io.threatingest.api;

import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.threatingest.messaging.TraceContext;

/** Keeps the caller's W3C trace headers for the events of this request (see {@link TraceContext}). */
public class TraceHeadersFilter {

    @ServerRequestFilter
    public void remember(HttpHeaders headers) {
        TraceContext.rememberCaller(headers.getHeaderString(TraceContext.TRACEPARENT),
                headers.getHeaderString(TraceContext.TRACESTATE));
    }
}
