package io.threatingest.http.error;

import java.io.UncheckedIOException;
import java.time.Duration;

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
            return ErrorResponses.build(ErrorKind.REFUSED_BY_SCREENING, e.getMessage(), e.pointer(), null, null);
        }
        if (e.forbidden()) {
            return ErrorResponses.build(ErrorKind.FORBIDDEN, e.getMessage() + " (at " + e.pointer() + ")", e.pointer(),
                    null, null);
        }
        String where = e.dataType() == null ? "at " + e.pointer() : "data type " + e.dataType() + " at " + e.pointer();
        return ErrorResponses.build(ErrorKind.INVALID_REQUEST, e.getMessage() + " (" + where + ")", e.pointer(), null,
                null);
    }

    @ServerExceptionMapper
    public Response invalidDocument(DocumentException e) {
        return ErrorResponses.build(ErrorKind.INVALID_DOCUMENT, e.getMessage() + " (at " + e.pointer() + ")",
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
        return ErrorResponses.builder(ErrorKind.TOO_MANY_REQUESTS, "slow down and retry after "
                + e.retryAfterSeconds() + " s", null, null)
                .header("Retry-After", e.retryAfterSeconds())
                .header("RateLimit-Limit", e.limit())
                .header("RateLimit-Remaining", 0)
                .header("RateLimit-Reset", e.retryAfterSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response missingRole(ForbiddenException e) {
        return ErrorResponses.build(ErrorKind.FORBIDDEN, "your roles do not allow this operation", null, null, null);
    }

    private Response unauthenticated(String method, String reason) {
        authFailures.count(method, reason);
        return ErrorResponses.builder(ErrorKind.AUTHENTICATION_FAILED, reason + " (" + method + ")", null, null)
                .header("WWW-Authenticate", Challenges.BOTH)
                .build();
    }

    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException e) {
        if (e.reason() == BrokerUnavailableException.Reason.OVERLOADED) {
            return ErrorResponses.build(ErrorKind.BROKER_OVERLOADED, null, null,
                    retryAfter, e);
        }
        return ErrorResponses.build(ErrorKind.BROKER_UNAVAILABLE, null, null,
                retryAfter, e);
    }

    /** The service's own configuration stands in the way: not the caller's fault, and said as it is. */
    @ServerExceptionMapper
    public Response notConfigured(NotConfiguredException e) {
        return ErrorResponses.build(ErrorKind.NOT_CONFIGURED, e.getMessage(), null, null, null);
    }

    @ServerExceptionMapper
    public Response stateUnavailable(StateUnavailableException e) {
        ErrorKind kind = switch (e.store()) {
            case IDEMPOTENCY_KEYS -> ErrorKind.IDEMPOTENCY_UNAVAILABLE;
            case RATE_LIMITS -> ErrorKind.RATE_LIMITS_UNAVAILABLE;
            case SCAN_TASKS -> ErrorKind.SCAN_TASKS_UNAVAILABLE;
            case TAXII_STATUSES -> ErrorKind.TAXII_STATUSES_UNAVAILABLE;
        };
        return ErrorResponses.build(kind, null, null, Duration.ofSeconds(1), null);
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
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String summary = known != null ? known.getReasonPhrase().toLowerCase(java.util.Locale.ROOT) : "request failed";
        return ErrorResponses.framework(status, summary, status >= 500 ? e : null);
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
        return ErrorResponses.build(ErrorKind.INTERNAL_ERROR, null, null, null, e);
    }

    private static Response badJson(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return ErrorResponses.build(ErrorKind.JSON_LIMIT, e.getOriginalMessage(), null, null,
                    null);
        }
        if (e instanceof JsonParseException || e.getCause() instanceof JsonParseException
                || !(e instanceof JsonMappingException mapping)) {
            String at = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String pointer = parsedSoFar(e);
            return ErrorResponses.build(ErrorKind.MALFORMED_JSON, firstLine(e.getOriginalMessage()) + at
                    + (pointer == null || pointer.isEmpty() ? "" : " (in " + pointer + ")"), pointer, null, null);
        }
        String pointer = pointer(mapping);
        String where = pointer.isEmpty() ? "the document root" : pointer;
        return ErrorResponses.build(ErrorKind.WRONG_JSON_TYPE, describe(mapping) + " (at " + where + ")", pointer,
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
