package io.threatingest.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.threatingest.http.CallerResolver;
import io.threatingest.http.RequestPipeline;
import io.threatingest.http.SubmissionPaths;
import io.threatingest.http.WholeBody;
import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorKind;
import io.threatingest.http.error.ErrorResponses;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The {@code Idempotency-Key} stage of {@link RequestPipeline} for submissions ({@link SubmissionPaths}) whose
 * body {@link WholeBody} read: {@link #begin}, a request filter after the rate limit (a later priority, so that a
 * 429 is never kept for a key), asks {@link IdempotencyService} before the resource runs (replay, 409, 422, or
 * proceed holding the key); {@link #end}, a response filter, keeps the answer the resource gave, or frees the key.
 * A request that ends without passing there (a closed connection, a refusal before the REST layer) frees its key
 * when it ends.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";
    static final int MAX_LENGTH = 255;
    /** The headers of an answer that are replayed with it; the rest describe this exchange only. */
    private static final List<String> KEPT_HEADERS = List.of(ErrorResponses.X_ERROR, ErrorResponses.X_ERROR_ID,
            "Location", "Retry-After");
    private static final String CLAIM = IdempotencyKeys.class.getName() + ".claim";

    private final IdempotencyService service;
    private final CurrentIdentityAssociation identities;
    private final ObjectMapper json;
    private final SubmissionPaths paths;

    public IdempotencyKeys(IdempotencyService service, CurrentIdentityAssociation identities, ObjectMapper json,
            SubmissionPaths paths) {
        this.service = service;
        this.identities = identities;
        this.json = json;
        this.paths = paths;
    }

    /** A replayed answer, or {@code null} to let the request go on (holding its key, when it has one). */
    @ServerRequestFilter(priority = Priorities.USER + 1)
    public Uni<Response> begin(ContainerRequestContext request, RoutingContext context) {
        List<String> keys = request.getHeaders().get(HEADER);
        if (keys == null || keys.isEmpty() || !service.enabled() || !"POST".equals(request.getMethod())
                || !paths.submission(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        Buffer body = WholeBody.buffered(context);
        if (body == null) {
            // Not read whole before the REST layer (a streamed body): its resource hashes the body as it reads it
            // and then calls beginStreamed.
            return Uni.createFrom().nullItem();
        }
        return decide(keys, context, () -> fingerprint(context.request(), body));
    }

    /** For a resource that streams its body: whether the request asks for idempotency at all. */
    public boolean requested(RoutingContext context) {
        return service.enabled() && context.request().getHeader(HEADER) != null;
    }

    /** The fingerprint of a streamed request, to be fed its body as it arrives. */
    public static RequestFingerprint streamedFingerprint(HttpServerRequest http) {
        return RequestFingerprint.start(http.method().name(), http.path(), http.query(),
                http.getHeader("Content-Type"));
    }

    /**
     * {@link #begin} for a resource that read its body as it arrived, once it has: a replayed answer, or
     * {@code null} to go on holding the key (kept by {@link #end} like any other).
     */
    public Uni<Response> beginStreamed(RoutingContext context, String fingerprint) {
        List<String> keys = context.request().headers().getAll(HEADER);
        if (keys == null || keys.isEmpty() || !service.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return decide(keys, context, () -> fingerprint);
    }

    private Uni<Response> decide(List<String> keys, RoutingContext context,
            Supplier<String> fingerprint) {
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .flatMap(identity -> {
                    if (identity == null || identity.isAnonymous()) {
                        return Uni.createFrom().nullItem(); // the role checks answer 401; nothing is kept
                    }
                    String key = validKey(keys);
                    return service.begin(CallerResolver.userId(identity), key, fingerprint.get())
                            .map(decision -> decided(decision, context));
                });
    }

    private Response decided(IdempotencyDecision decision, RoutingContext context) {
        if (decision instanceof IdempotencyDecision.Proceed proceed) {
            context.put(CLAIM, proceed.claim());
            // the last resort: a request that ends without its answer passing end() (the connection was closed,
            // or a failure was answered outside the REST layer) frees its key
            context.addEndHandler(ended -> service.release(proceed.claim()).subscribe().with(done -> {
            }, failure -> {
            }));
            return null;
        }
        if (decision instanceof IdempotencyDecision.Replay replay) {
            return replay(replay.answer());
        }
        if (decision instanceof IdempotencyDecision.InFlight) {
            throw new ApiException(ErrorKind.IDEMPOTENCY_KEY_IN_USE,
                    "a request with this Idempotency-Key is still being processed", HEADER, Duration.ofSeconds(1));
        }
        throw new ApiException(ErrorKind.IDEMPOTENCY_KEY_REUSED, "this Idempotency-Key was sent with another request "
                + "(method, path, query, media type or body differ)", HEADER);
    }

    /** Keeps the answer of a request that held a key (2xx, 4xx), or frees the key (any other status). */
    @ServerResponseFilter
    public Uni<Void> end(RoutingContext context, ContainerResponseContext response) {
        if (!(context.get(CLAIM) instanceof IdempotencyDecision.Claim claim)) {
            return Uni.createFrom().voidItem();
        }
        context.remove(CLAIM);
        int status = response.getStatus();
        MediaType type = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
        byte[] body = IdempotencyService.kept(status) ? bytes(response.getEntity(), type) : null;
        if (body == null) {
            return service.release(claim);
        }
        // the bytes kept are the bytes sent, so that a replay is the same answer to the byte
        response.setEntity(body, response.getEntityAnnotations(), type);
        Map<String, String> headers = new LinkedHashMap<>();
        response.getStringHeaders().forEach((name, values) -> {
            if (!values.isEmpty() && KEPT_HEADERS.stream().anyMatch(name::equalsIgnoreCase)) {
                headers.put(name, values.get(0));
            }
        });
        return service.complete(claim, new StoredAnswer(status, type.toString(), headers, body));
    }

    /** The body as it will be sent, or {@code null} for one that cannot be kept (not JSON, a stream). */
    private byte[] bytes(Object entity, MediaType type) {
        if (entity == null) {
            return new byte[0];
        }
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (!type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.getSubtype().endsWith("+json")) {
            return null;
        }
        try {
            return json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Response replay(StoredAnswer answer) {
        Response.ResponseBuilder replay = Response.status(answer.status()).entity(answer.body())
                .type(answer.contentType());
        answer.headers().forEach(replay::header);
        return replay.header(REPLAYED, "true").build();
    }

    /** One key of 1 to 255 visible ASCII characters, else 400. */
    static String validKey(List<String> values) {
        if (values.size() != 1) {
            throw new ApiException(ErrorKind.INVALID_IDEMPOTENCY_KEY, "send one Idempotency-Key header", HEADER);
        }
        String key = values.get(0);
        boolean visible = !key.isEmpty() && key.length() <= MAX_LENGTH;
        for (int i = 0; visible && i < key.length(); i++) {
            char c = key.charAt(i);
            visible = c > 0x20 && c < 0x7f;
        }
        if (!visible) {
            throw new ApiException(ErrorKind.INVALID_IDEMPOTENCY_KEY,
                    "1 to " + MAX_LENGTH + " visible ASCII characters", HEADER);
        }
        return key;
    }

    private static String fingerprint(HttpServerRequest http, Buffer body) {
        RequestFingerprint fingerprint = RequestFingerprint.start(http.method().name(), http.path(), http.query(),
                http.getHeader("Content-Type"));
        byte[] chunk = new byte[8192];
        for (int at = 0; at < body.length(); at += chunk.length) {
            int length = Math.min(chunk.length, body.length() - at);
            body.getBytes(at, at + length, chunk, 0);
            fingerprint.body(chunk, 0, length);
        }
        return fingerprint.finish();
    }
}
