package io.threatingest.http;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorKind;
import io.vertx.ext.web.RoutingContext;

/**
 * From the moment the process is asked to stop (SIGTERM), requests that arrive are refused with 503 and
 * {@code Connection: close}, while the ones already running finish within {@code quarkus.shutdown.timeout} and get
 * their 202 (or their 503 if the broker does not take them).
 */
@ApplicationScoped
public class ShutdownGate {

    private volatile boolean stopping;

    // A JVM shutdown hook of our own: it runs as soon as the signal arrives, before the framework's shutdown
    // sequence has closed anything, so no new request starts work that the shutdown would cut short.
    void watch(@Observes StartupEvent event) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "threat-ingest-shutdown-gate"));
    }

    void admit(RoutingContext context) {
        if (!stopping) {
            context.next();
            return;
        }
        context.response().putHeader("Connection", "close");
        context.fail(new ApiException(ErrorKind.SHUTTING_DOWN, null, null,
                Duration.ofSeconds(1)));
    }
}
