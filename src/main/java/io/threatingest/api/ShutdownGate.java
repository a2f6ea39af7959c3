package io.threatingest.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;
import io.threatingest.api.error.ErrorResponses;
import io.vertx.ext.web.Router;

/**
 * From the moment the process is asked to stop (SIGTERM), requests that arrive are answered 503 with the
 * usual error headers and {@code Connection: close}, while the ones already running finish within
 * {@code quarkus.shutdown.timeout} and get their 202 (or their 503 if the broker does not take them).
 */
@ApplicationScoped
public class ShutdownGate {

    private static volatile boolean stopping;

    private final ObjectMapper json;

    public ShutdownGate(ObjectMapper json) {
        this.json = json;
    }

    void watch(@Observes StartupEvent event) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "threat-ingest-shutdown-gate"));
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            if (!stopping) {
                context.next();
                return;
            }
            var error = ErrorResponses.build(503, "the service is shutting down, retry on another instance", null,
                    null, java.time.Duration.ofSeconds(1), null);
            ErrorResponses.write(error, context.response().setStatusCode(503).putHeader("Connection", "close"), json);
        });
    }
}
