package io.threatingest.taxii;

import java.util.Map;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.threatingest.http.error.ErrorBody;
import io.vertx.ext.web.RoutingContext;

/**
 * Errors under {@code /taxii2/} are TAXII error messages: the error answer built by {@code ErrorResponses} (status,
 * {@code x-error}, {@code x-error-id}, {@code Retry-After}, ...) keeps every header and its {@code error} object, and
 * gains the TAXII fields and media type. {@link #asTaxii} is the one place that decides; the stages before the REST
 * layer call it (through {@link TaxiiStage}), and the REST layer's answers pass through {@link #reshape}.
 */
public class TaxiiErrors {

    /** The error answer as a TAXII error message (any other answer unchanged). */
    static Response asTaxii(Response answer) {
        if (!(answer.getEntity() instanceof ErrorBody body)) {
            return answer;
        }
        Response.ResponseBuilder taxii = Response.status(answer.getStatus());
        answer.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> taxii.header(name, value));
            }
        });
        return taxii.type(TaxiiMedia.TAXII).entity(of(answer.getStatus(), body.error())).build();
    }

    static TaxiiError of(int status, ErrorBody.Detail detail) {
        String message = detail.message();
        int end = message.indexOf(": ");
        String title = end < 0 ? message : message.substring(0, end);
        return new TaxiiError(title, message, detail.errorId(), detail.code(), Integer.toString(status),
                detail.param() == null ? null : Map.of("param", detail.param()), detail);
    }

    /**
     * Before the answer is kept for an {@code Idempotency-Key} (a response filter of a higher priority runs
     * earlier), so that a replay is the TAXII message too.
     */
    @ServerResponseFilter(priority = Priorities.USER + 100)
    public void reshape(RoutingContext context, ContainerResponseContext response) {
        if (response.getEntity() instanceof ErrorBody body && TaxiiStage.taxii(context.normalizedPath())) {
            response.setEntity(of(response.getStatus(), body.error()), response.getEntityAnnotations(),
                    MediaType.valueOf(TaxiiMedia.TAXII));
        }
    }
}
