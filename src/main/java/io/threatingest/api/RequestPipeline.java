package io.threatingest.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.threatingest.api.error.ApiException;
import io.threatingest.api.error.ErrorResponses;
import io.threatingest.messaging.TraceContext;
import io.threatingest.security.RateLimiter;
import io.threatingest.taxii.TaxiiErrors;
import io.threatingest.taxii.TaxiiStage;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Every stage a request passes on its way to a resource, declared here in the order it runs.
 *
 * <p>Before the REST layer (HTTP routes, first of all routes):
 * <ol>
 * <li>outcome counting: every POST under {@code /api/ingest/v1} and {@code /taxii2/} is counted when answered, by
 * whatever stage;</li>
 * <li>shutdown gate: 503 once the process is stopping;</li>
 * <li>body (under {@code /api} and {@code /taxii2}): read whole, within {@code ingest.limits.max-body-size} (413
 * beyond);</li>
 * <li>TAXII content negotiation (under {@code /taxii2}): 406 for an Accept without TAXII 2.1, 415 for a POST body
 * that is not TAXII 2.1.</li>
 * </ol>
 * In the REST layer (request filters), then:
 * <ol start="5">
 * <li>the body read in 3 becomes the entity stream;</li>
 * <li>the caller's W3C trace headers are kept for the events of this request;</li>
 * <li>the caller is authenticated (by the framework, where a role is required) and its rate limit applied (429);</li>
 * <li>idempotency key (POST under {@code /api/ingest/v1} or {@code /taxii2/} with {@code Idempotency-Key}, an
 * authenticated caller and a body read in 3): an invalid key is refused (400); a key whose answer is kept is
 * answered with it again ({@code Idempotency-Replayed: true}) and the resource does not run; one still held by
 * another request is refused (409), one sent with another request (422); otherwise this request holds the key;</li>
 * <li>the resource runs; its failures become error answers in {@code ErrorMappers};</li>
 * <li>(response filter) the answer of a request holding a key is kept for it when 2xx or 4xx, else the key is
 * freed; a request that ends without passing there (a closed connection, a failure answered by {@link #refuse})
 * frees its key when it ends.</li>
 * </ol>
 * A stage before the REST layer refuses a request by failing it with an {@link ApiException}, which
 * {@link #refuse} writes; in the REST layer the same exception is answered by {@code ErrorMappers}. Both build the
 * answer with {@link ApiException#toResponse()}; under {@code /taxii2/} it becomes a TAXII error message
 * ({@link TaxiiErrors}). A path under {@code /taxii2/} that no resource serves is a 404 after the REST layer.
 */
@ApplicationScoped
public class RequestPipeline {

    private static final int FIRST = Integer.MIN_VALUE;
    /** After the REST layer, which hands on the requests no resource matched. */
    private static final int LAST = Integer.MAX_VALUE - 1000;

    private final SubmissionOutcomes outcomes;
    private final ShutdownGate gate;
    private final WholeBody body;
    private final CurrentIdentityAssociation identities;
    private final RateLimiter limiter;
    private final IdempotencyKeys idempotency;
    private final ObjectMapper json;
    private final TaxiiStage taxii;

    public RequestPipeline(SubmissionOutcomes outcomes, ShutdownGate gate, WholeBody body,
            CurrentIdentityAssociation identities, RateLimiter limiter, IdempotencyKeys idempotency,
            ObjectMapper json, TaxiiStage taxii) {
        this.taxii = taxii;
        this.outcomes = outcomes;
        this.gate = gate;
        this.body = body;
        this.identities = identities;
        this.limiter = limiter;
        this.idempotency = idempotency;
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(FIRST).failureHandler(this::refuse);
        router.post(SubmissionOutcomes.PREFIX + "*").order(FIRST + 1).handler(outcomes::count);
        router.post(TaxiiStage.ROUTE).order(FIRST + 1).handler(outcomes::count);
        router.route().order(FIRST + 2).handler(gate::admit);
        router.route("/api/*").order(FIRST + 3).handler(body::read);
        router.route(TaxiiStage.ROUTE).order(FIRST + 3).handler(body::read);
        router.route(TaxiiStage.ROUTE).order(FIRST + 4).handler(taxii::negotiate);
        router.route(TaxiiStage.ROUTE).order(LAST).handler(taxii::unknown);
    }

    @ServerRequestFilter(preMatching = true)
    public void entityStream(ContainerRequestContext request, RoutingContext context) {
        var stream = WholeBody.stream(context);
        if (stream != null) {
            request.setEntityStream(stream);
        }
    }

    @ServerRequestFilter
    public void traceHeaders(HttpHeaders headers) {
        TraceContext.rememberCaller(headers.getHeaderString(TraceContext.TRACEPARENT),
                headers.getHeaderString(TraceContext.TRACESTATE));
    }

    /** Unauthenticated requests are left to the role checks (401 without spending a token). */
    @ServerRequestFilter(priority = Priorities.USER)
    public Uni<Void> rateLimit() {
        if (!limiter.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .flatMap(identity -> identity == null || identity.isAnonymous()
                        ? Uni.createFrom().voidItem()
                        : limiter.admit(CallerResolver.userId(identity)));
    }

    /** After {@link #rateLimit} (a later priority), so that a 429 is never kept for a key. */
    @ServerRequestFilter(priority = Priorities.USER + 1)
    public Uni<Response> idempotencyKey(ContainerRequestContext request, RoutingContext context) {
        return idempotency.begin(request, context);
    }

    @ServerResponseFilter
    public Uni<Void> idempotentAnswer(RoutingContext context, ContainerResponseContext response) {
        return idempotency.end(context, response);
    }

    private void refuse(RoutingContext context) {
        if (!(context.failure() instanceof ApiException refusal) || context.response().headWritten()) {
            context.next();
            return;
        }
        ErrorResponses.write(TaxiiErrors.forPath(context.normalizedPath(), refusal.toResponse()),
                context.response().setStatusCode(refusal.status()), json);
    }
}
