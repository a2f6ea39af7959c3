package io.threatingest.messaging;

import java.util.Map;
import java.util.regex.Pattern;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) that an event carries as AMQP application
 * properties, so that consumers continue the caller's trace. With tracing on, it is the service's own request
 * span (same trace, our span as parent); with the OpenTelemetry SDK off (the default), the caller's headers are
 * passed through unchanged once checked, so the trace still reaches the consumers.
 */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final String CALLER_TRACEPARENT = TraceContext.class.getName() + ".traceparent";
    private static final String CALLER_TRACESTATE = TraceContext.class.getName() + ".tracestate";
    // version 00, non-zero trace and parent ids (the all-zero ids are invalid in W3C Trace Context)
    private static final Pattern VALID_TRACEPARENT = Pattern.compile(
            "00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
    // list-members of key=value, bounded as the specification allows (32 members, 512 characters kept here)
    private static final Pattern VALID_TRACESTATE = Pattern.compile("[\\x20-\\x7e&&[^\\\\\"]]{1,512}");

    private TraceContext() {
    }

    /** Remembers the caller's trace headers for this request, when they are well-formed; others are dropped. */
    public static void rememberCaller(String traceparent, String tracestate) {
        if (traceparent == null || !VALID_TRACEPARENT.matcher(traceparent).matches()
                || !VertxContext.isOnDuplicatedContext()) {
            return;
        }
        ContextLocals.put(CALLER_TRACEPARENT, traceparent);
        if (tracestate != null && VALID_TRACESTATE.matcher(tracestate).matches()) {
            ContextLocals.put(CALLER_TRACESTATE, tracestate);
        }
    }

    /** Adds the current trace context, if there is one, to an event's application properties. */
    static void addTo(Map<String, String> properties) {
        if (Span.current().getSpanContext().isValid()) {
            W3CTraceContextPropagator.getInstance().inject(Context.current(), properties, Map::put);
            return;
        }
        if (!VertxContext.isOnDuplicatedContext()) {
            return;
        }
        ContextLocals.<String>get(CALLER_TRACEPARENT).ifPresent(value -> properties.put(TRACEPARENT, value));
        ContextLocals.<String>get(CALLER_TRACESTATE).ifPresent(value -> properties.put(TRACESTATE, value));
    }
}
