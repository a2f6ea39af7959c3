package io.threatingest.http.error;

import java.io.UncheckedIOException;
import java.time.Duration;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.threatingest.config.IngestConfig;
import io.threatingest.config.NotConfiguredException;
import io.threatingest.domain.SubmissionException;
import io.threatingest.domain.SubmissionFlattener;
import io.threatingest.intake.DocumentException;
import io.threatingest.messaging.BrokerUnavailableException;
import io.threatingest.security.AuthFailures;
import io.threatingest.security.AuthMethod;
import io.threatingest.security.BearerFailures;
import io.threatingest.security.Challenges;
import io.threatingest.security.RateLimiter;
import io.threatingest.state.StateUnavailableException;

/** Maps every failure of a request to the uniform error answer of {@link ErrorResponses}. */
public class ErrorMappers {

    /** The summary of a submission refused by a screening list. */
    public static final String SCREENING_REFUSED = "refused by screening";

    private final Duration retryAfter;
    private final AuthFailures authFailures;

    public ErrorMappers(IngestConfig config, AuthFailures authFailures) {
        this.retryAfter = config.publish().retryAfter();
        this.authFailures = authFailures;
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return e.toResponse();
    }

    @ServerExceptionMapper
    public Response invalidSubmission(SubmissionException e) {
        if (e.refusedBy() != null) {
            return ErrorResponses.build(422, SCREENING_REFUSED, e.getMessage(), e.pointer(), null, null);
        }
        if (e.forbidden()) {
            return ErrorResponses.build(403, "forbidden", e.getMessage() + " (at " + e.pointer() + ")", e.pointer(),
                    null, null);
        }
        String where = e.dataType() == null ? "at " + e.pointer() : "data type " + e.dataType() + " at " + e.pointer();
        return ErrorResponses.build(400, "invalid request", e.getMessage() + " (" + where + ")", e.pointer(), null,
                null);
    }

    @ServerExceptionMapper
    public Response invalidDocument(DocumentException e) {
        return ErrorResponses.build(400, "invalid document", e.getMessage() + " (at " + e.pointer() + ")",
                e.pointer(), null, null);
    }

    /**
     * Credentials refused: by this project's API key mechanism (method and reason in the attributes), or a
     * Bearer token refused by the JWT mechanism (no attributes, the parser's failure as cause).
     */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        String method = e.getAttribute(AuthMethod.METHOD_ATTRIBUTE);
        if (method != null) {
            return unauthenticated(method, e.getAttribute(AuthMethod.REASON_ATTRIBUTE));
        }
        return unauthenticated(AuthMethod.BEARER.label(), BearerFailures.reason(e));
    }

    @ServerExceptionMapper
    public Response authenticationRequired(UnauthorizedException e) {
        return unauthenticated(AuthMethod.NONE.label(), "credentials required");
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimiter.Limited e) {
        return ErrorResponses.builder(429, "too many requests", "slow down and retry after "
                + e.retryAfterSeconds() + " s", null, null)
                .header("Retry-After", e.retryAfterSeconds())
                .header("RateLimit-Limit", e.limit())
                .header("RateLimit-Remaining", 0)
                .header("RateLimit-Reset", e.retryAfterSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response missingRole(ForbiddenException e) {
        return ErrorResponses.build(403, "forbidden", "your roles do not allow this operation", null, null, null);
    }

    private Response unauthenticated(String method, String reason) {
        authFailures.count(method, reason);
        return ErrorResponses.builder(401, "authentication failed", reason + " (" + method + ")", null, null)
                .header("WWW-Authenticate", Challenges.BOTH)
                .build();
    }

    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException e) {
        if (e.reason() == BrokerUnavailableException.Reason.OVERLOADED) {
            return ErrorResponses.build(503, "too many submissions await the broker, retry later", null, null,
                    retryAfter, e);
        }
        return ErrorResponses.build(503, "the broker cannot take the submission now, retry later", null, null,
                retryAfter, e);
    }

    /** The service's own configuration stands in the way: not the caller's fault, and said as it is. */
    @ServerExceptionMapper
    public Response notConfigured(NotConfiguredException e) {
        return ErrorResponses.build(503, "not available on this service", e.getMessage(), null, null, null);
    }

    @ServerExceptionMapper
    public Response stateUnavailable(StateUnavailableException e) {
        return ErrorResponses.build(503, e.getMessage() + ", retry later", null, null, Duration.ofSeconds(1), null);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return badJson(e);
    }

    /** Replaces the framework's own mapper for this type, which answers 400 without the error headers. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        return ErrorResponses.build(400, "invalid request", e.getMessage(), null, null, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String summary = known != null ? known.getReasonPhrase().toLowerCase(java.util.Locale.ROOT) : "request failed";
        return ErrorResponses.build(status, summary, null, null, null, status >= 500 ? e : null);
    }

    /** JSON read inside a callback that may not throw checked exceptions (NDJSON lines) arrives wrapped. */
    @ServerExceptionMapper
    public Response uncheckedIo(UncheckedIOException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json);
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        return ErrorResponses.build(500, "internal error", null, null, null, e);
    }

    private static Response badJson(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return ErrorResponses.build(400, "request body exceeds a JSON limit", e.getOriginalMessage(), null, null,
                    null);
        }
        if (e instanceof JsonParseException || e.getCause() instanceof JsonParseException
                || !(e instanceof JsonMappingException mapping)) {
            String at = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String pointer = parsedSoFar(e);
            return ErrorResponses.build(400, "malformed JSON", firstLine(e.getOriginalMessage()) + at
                    + (pointer == null || pointer.isEmpty() ? "" : " (in " + pointer + ")"), pointer, null, null);
        }
        String pointer = pointer(mapping);
        String where = pointer.isEmpty() ? "the document root" : pointer;
        return ErrorResponses.build(400, "wrong JSON type", describe(mapping) + " (at " + where + ")", pointer,
                null, null);
    }

    /** Where the parser was when the syntax broke, as a JSON pointer; {@code null} when unknown. */
    private static String parsedSoFar(JsonProcessingException e) {
        JsonProcessingException syntax = e.getCause() instanceof JsonParseException cause ? cause : e;
        if (syntax.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
            return parser.getParsingContext().pathAsPointer().toString();
        }
        return null;
    }

    /** The JSON pointer of the field a mapping error is about. */
    public static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            pointer.append('/');
            if (reference.getFieldName() != null) {
                pointer.append(SubmissionFlattener.pointerToken(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                pointer.append(reference.getIndex());
            }
        }
        return pointer.toString();
    }

    /** What a mapping error found wrong, in the words of the error answers. */
    public static String describe(JsonMappingException e) {
        if (e instanceof MismatchedInputException mismatch
                && mismatch.getTargetType() != null) {
            return "expected " + jsonKind(mismatch.getTargetType());
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String jsonKind(Class<?> target) {
        if (target == String.class) {
            return "a string";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "an integer";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array or null";
        }
        return "an object";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
