package io.threatingest.api.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.threatingest.config.IngestConfig;

/**
 * The request body limit, for every request under {@code /api}: a body over {@code ingest.limits.max-body-size}
 * is refused with 413 however it arrives. The HTTP layer's own limit only looks at {@code Content-Length}, so
 * a chunked body could otherwise be read whole, whatever its size. The 413, like every error, carries
 * {@code x-error}, {@code x-error-id} and the JSON body.
 */
@ApplicationScoped
public class HttpFailures {

    private final ObjectMapper json;
    private final long maxBodySize;

    public HttpFailures(ObjectMapper json, IngestConfig config) {
        this.json = json;
        this.maxBodySize = config.limits().maxBodySize().asLongValue();
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 2)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodySize).setHandleFileUploads(false))
                .failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (context.statusCode() != 413 || response.headWritten()) {
            context.next();
            return;
        }
        Response error = ErrorResponses.build(413, "request body too large",
                "at most " + maxBodySize + " bytes", null, null, null);
        ErrorResponses.write(error, response.setStatusCode(413), json);
    }
}
