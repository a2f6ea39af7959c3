package io.threatingest.http;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorKind;
import io.threatingest.http.error.ErrorResponses;
import io.threatingest.messaging.TraceContext;
import io.threatingest.security.RateLimiter;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Every stage a request passes on its way to a resource, in the order it runs. The stages before the REST layer are
 * registered here; the filters of the REST layer are marked with the class that holds them.
 *
 * <p>Before the REST layer (HTTP routes, first of all routes):
 * <ol>
 * <li>outcome counting: every submission (POST under {@code /api/ingest/v1} or under a {@link PathFamily}'s
 * prefix) is counted when answered, by whatever stage ({@link SubmissionOutcomes});</li>
 * <li>shutdown gate: 503 once the process is stopping ({@link ShutdownGate});</li>
 * <li>body (under {@code /api} and every family's prefix): read whole, within {@code ingest.limits.max-body-size}
 * (413 beyond), unless a {@link StreamedUpload} takes it as it arrives ({@link WholeBody});</li>
 * <li>the family's own content negotiation ({@link PathFamily#negotiate}).</li>
 * </ol>
 * In the REST layer (request filters), then:
 * <ol start="5">
 * <li>the body read in 3 becomes the entity stream;</li>
 * <li>the caller's W3C trace headers are kept for the events of this request;</li>
 * <li>the caller is authenticated (by the framework, where a role is required); a large body (64 KiB or more) of an
 * authenticated caller takes its bytes from the budget of bodies in progress, or is answered 503 ({@link BodyBudget});
 * the caller's rate limit is applied (429);</li>
 * <li>idempotency key, at priority {@code USER + 1} (the {@code idempotency} package): a request holding a key whose
 * answer is kept is answered with it again and the resource does not run;</li>
 * <li>the resource runs; its failures become error answers in {@code ErrorMappers};</li>
 * <li>(response filters) a family reshapes its error answers; the answer of a request holding a key is kept.</li>
 * </ol>
 * A stage before the REST layer refuses a request by failing it with an {@link ApiException}, which
 * {@link #refuse} writes; in the REST layer the same exception is answered by {@code ErrorMappers}. Both build the
 * answer with {@link ApiException#toResponse()}, in the path family's error format where it has one. A path under a
 * family's prefix that no resource serves is answered by the family after the REST layer.
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
    private final BodyBudget budget;
    private final SubmissionPaths paths;
    private final ObjectMapper json;

    public RequestPipeline(SubmissionOutcomes outcomes, ShutdownGate gate, WholeBody body,
            CurrentIdentityAssociation identities, RateLimiter limiter, BodyBudget budget, SubmissionPaths paths,
            ObjectMapper json) {
        this.outcomes = outcomes;
        this.gate = gate;
        this.body = body;
        this.identities = identities;
        this.limiter = limiter;
        this.budget = budget;
        this.paths = paths;
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(FIRST).failureHandler(this::refuse);
        router.post(SubmissionPaths.API + "*").order(FIRST + 1).handler(outcomes::count);
        router.route().order(FIRST + 2).handler(gate::admit);
        router.route("/api/*").order(FIRST + 3).handler(body::read);
        for (PathFamily family : paths.families()) {
            String route = family.prefix() + "/*";
            router.post(route).order(FIRST + 1).handler(outcomes::count);
            router.route(route).order(FIRST + 3).handler(body::read);
            router.route(route).order(FIRST + 4).handler(family::negotiate);
            router.route(route).order(LAST).handler(family::unknown);
        }
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

    /**
     * A large body takes its bytes from the budget until its answer is written or its connection closes; over the
     * budget, 503 at once. Unauthenticated requests are left to the role checks (401), so they take nothing.
     */
    @ServerRequestFilter(priority = Priorities.USER - 1)
    public Uni<Void> bodyBudget(RoutingContext context) {
        Buffer read = WholeBody.buffered(context);
        if (read == null || read.length() < BodyBudget.LARGE) {
            return Uni.createFrom().voidItem();
        }
        long size = read.length();
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .map(identity -> {
                    if (identity == null || identity.isAnonymous()) {
                        return null;
                    }
                    if (!budget.take(size)) {
                        throw new ApiException(ErrorKind.BODIES_IN_PROGRESS, "this body (" + size
                                + " bytes) would pass ingest.limits.max-body-bytes-in-progress (" + budget.capacity()
                                + ")", null, Duration.ofSeconds(1));
                    }
                    context.addEndHandler(ended -> budget.release(size));
                    return null;
                });
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

    private void refuse(RoutingContext context) {
        if (!(context.failure() instanceof ApiException refusal) || context.response().headWritten()) {
            context.next();
            return;
        }
        ErrorResponses.write(paths.errorAnswer(context.normalizedPath(), refusal.toResponse()),
                context.response().setStatusCode(refusal.status()), json);
    }
}
