package io.threatingest.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.threatingest.api.dto.BatchRequest;
import io.threatingest.api.dto.BatchResponse;
import io.threatingest.api.dto.EntityRequest;
import io.threatingest.api.dto.ScreenedParam;
import io.threatingest.config.IngestConfig;
import io.threatingest.http.BooleanQueryParam;
import io.threatingest.http.CallerResolver;
import io.threatingest.http.StreamedBody;
import io.threatingest.http.SubmissionVerdict;
import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorBody;
import io.threatingest.http.error.ErrorKind;
import io.threatingest.http.error.ErrorResponses;
import io.threatingest.idempotency.IdempotencyKeys;
import io.threatingest.idempotency.RequestFingerprint;
import io.threatingest.security.Roles;
import io.threatingest.service.Batch;
import io.threatingest.service.BatchItemError;
import io.threatingest.service.BatchOutcome;
import io.threatingest.service.BatchService;
import io.threatingest.service.OffLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

@Path(BatchResource.PATH)
@Tag(name = "Entities")
@Produces(MediaType.APPLICATION_JSON)
public class BatchResource {

    static final String PATH = "/api/ingest/v1/batch";
    static final String NDJSON = "application/x-ndjson";

    static final String EXAMPLE = """
            {
              "entities": [
                {"type": "ip", "attributes": {"ip": "203.0.113.1"}, "reputation": -1},
                {"type": "domain", "attributes": {"domain": "evil.example.com"}, "tags": ["phishing"]}
              ]
            }""";

    static final String NDJSON_EXAMPLE = """
            {"type": "ip", "attributes": {"ip": "203.0.113.1"}, "reputation": -1}
            {"type": "domain", "attributes": {"domain": "evil.example.com"}, "tags": ["phishing"]}
            """;

    private static final String DESCRIPTION = "Entity trees as for POST /entity, each validated alone. Accepted "
            + "trees are published packed into events (docs/events.md). The answer reports every item in order: "
            + "accepted, rejected (invalid, with a JSON pointer from the batch document's root) or unavailable "
            + "(the broker did not take it: retry it). 202 when at least one item was accepted, 400 when every "
            + "item is invalid, 503 when the broker took none.";

    private final BatchService batches;
    private final CallerResolver callers;
    private final BatchDocuments documents;
    private final Duration retryAfter;
    private final IdempotencyKeys idempotency;
    private final ObjectMapper json;

    public BatchResource(BatchService batches, CallerResolver callers, ObjectMapper json, IngestConfig config,
            IdempotencyKeys idempotency) {
        this.idempotency = idempotency;
        this.batches = batches;
        this.callers = callers;
        this.documents = new BatchDocuments(json);
        this.json = json;
        this.retryAfter = config.publish().retryAfter();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORTER)
    @Operation(operationId = "ingestBatch", summary = "Ingest a batch of entities", description = DESCRIPTION)
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchRequest.class), examples = @ExampleObject(name = "two entities", value = EXAMPLE)),
            @Content(mediaType = NDJSON, schema = @Schema(implementation = EntityRequest.class), examples = @ExampleObject(name = "two lines", value = NDJSON_EXAMPLE)) })
    @APIResponse(responseCode = "202", description = "At least one item accepted: the broker holds it.", content = @Content(schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "200", description = "Dry run: what would be accepted; nothing published.", content = @Content(schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "400", description = "Every item invalid, an atomic batch with an invalid item, or a batch that is not one.", content = @Content(schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "403", description = "Missing role `reporter`.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "The broker took none of the valid items; retry.", content = @Content(schema = @Schema(implementation = BatchResponse.class)))
    public Uni<Response> json(RoutingContext routing,
            @Parameter(description = "All or nothing: publish only if every item is valid, in one event.") @QueryParam("atomic") String atomic,
            @Parameter(description = DryRun.DESCRIPTION) @QueryParam("dryRun") String dryRun,
            @Parameter(description = EntityResource.REFANG) @QueryParam("refang") String refang,
            @Parameter(description = ScreenParam.DESCRIPTION) @QueryParam("screen") String screen) throws IOException {
        Options options = new Options(BooleanQueryParam.parse("atomic", atomic), DryRun.requested(dryRun));
        Batch batch = batches.start(callers.current(), BooleanQueryParam.parse("refang", refang),
                callers.screen(screen));
        Buffer body = routing.body().buffer();
        if (body == null || body.length() == 0) {
            throw new ApiException(ErrorKind.BODY_REQUIRED, "send {\"entities\": [...]}", "");
        }
        byte[] bytes = body.getBytes();
        // binding and validating up to max-batch-items trees takes a while: not on the event loop
        return OffLoop.run(() -> {
            documents.readDocument(bytes, bytes.length, batch);
            return batch;
        }).flatMap(read -> publish(read, options));
    }

    @POST
    @Consumes(NDJSON)
    @RolesAllowed(Roles.REPORTER)
    @Operation(hidden = true)
    public Uni<Response> ndjson(RoutingContext routing, @QueryParam("atomic") String atomic,
            @QueryParam("dryRun") String dryRun, @QueryParam("refang") String refang,
            @QueryParam("screen") String screen) {
        Options options = new Options(BooleanQueryParam.parse("atomic", atomic), DryRun.requested(dryRun));
        Batch batch = batches.start(callers.current(), BooleanQueryParam.parse("refang", refang),
                callers.screen(screen));
        NdjsonLines lines = new NdjsonLines((line, length) -> {
            try {
                documents.readLine(line, length, batch);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        RequestFingerprint fingerprint = idempotency.requested(routing)
                ? IdempotencyKeys.streamedFingerprint(routing.request())
                : null;
        StreamedBody streamed = StreamedBody.of(routing);
        Uni<Batch> read;
        if (streamed == null) {
            // an empty body ends with the headers and is never streamed
            Buffer body = routing.body().buffer();
            read = OffLoop.run(() -> {
                if (body != null) {
                    lines.feed(body);
                }
                lines.finish();
                return batch;
            });
        } else {
            // Each chunk's lines are bound and validated on a worker, in order, while the connection is paused; the
            // fingerprint, the pause and the answers stay on the event loop (which alone touches pending).
            Context context = Vertx.currentContext();
            int[] pending = { 0 };
            read = Uni.createFrom().emitter(emitter -> streamed.consume(chunk -> {
                if (fingerprint != null) {
                    byte[] bytes = chunk.getBytes();
                    fingerprint.body(bytes, 0, bytes.length);
                }
                pending[0]++;
                routing.request().pause();
                context.executeBlocking(() -> {
                    if (!lines.failed()) {
                        try {
                            lines.feed(chunk);
                        } catch (RuntimeException e) {
                            lines.fail();
                            throw e;
                        }
                    }
                    return null;
                }, true).onComplete(fed -> {
                    if (fed.failed()) {
                        routing.response().putHeader("Connection", "close");
                        emitter.fail(fed.cause());
                    }
                    // after a failure the rest of the body is read and dropped, as the answer goes out
                    if (--pending[0] == 0) {
                        routing.request().resume();
                    }
                });
            }, () -> context.executeBlocking(() -> {
                if (lines.failed()) {
                    return null;
                }
                lines.finish();
                return batch;
            }, true).onComplete(finished -> {
                if (finished.failed()) {
                    emitter.fail(finished.cause());
                } else if (finished.result() != null) {
                    emitter.complete(finished.result());
                }
            }), emitter::fail));
        }
        if (fingerprint != null) {
            // the body is known only now: a retry was read (and validated) in full, and is answered from the store
            return read.flatMap(complete -> idempotency.beginStreamed(routing, fingerprint.finish())
                    .flatMap(replay -> replay != null ? Uni.createFrom().item(replay) : publish(complete, options)));
        }
        return read.flatMap(complete -> publish(complete, options));
    }

    private record Options(boolean atomic, boolean dryRun) {
    }

    private Uni<Response> publish(Batch batch, Options options) {
        if (batch.isEmpty()) {
            throw new ApiException(ErrorKind.INVALID_REQUEST, "a batch needs at least one entity", "/entities");
        }
        // the answer of a large batch (a line per item) is written off the event loop too
        return batches.publish(batch, options.atomic(), options.dryRun())
                .flatMap(outcomes -> OffLoop.run(() -> answer(outcomes, options)));
    }

    private Response answer(List<BatchOutcome> outcomes, Options options) {
        int accepted = count(outcomes, BatchOutcome.Status.ACCEPTED);
        int rejected = count(outcomes, BatchOutcome.Status.REJECTED);
        int unavailable = count(outcomes, BatchOutcome.Status.UNAVAILABLE);
        List<BatchResponse.Item> items = outcomes.stream().map(BatchResource::item).toList();
        // a batch is never empty here, so NOTHING cannot be its verdict
        SubmissionVerdict verdict = SubmissionVerdict.of(accepted, unavailable, rejected);
        if (verdict == SubmissionVerdict.ACCEPTED) {
            return Response.status(verdict.status(options.dryRun())).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(JsonBytes.of(json, new BatchResponse(null, accepted, rejected, unavailable, items)))
                    .build();
        }
        Response error;
        if (verdict == SubmissionVerdict.BROKER_TOOK_NONE) {
            error = ErrorResponses.build(verdict.error(),
                    "the broker took none of the " + unavailable + " valid items", null, retryAfter, null);
        } else {
            BatchOutcome firstRejected = outcomes.stream()
                    .filter(o -> o.status() == BatchOutcome.Status.REJECTED && !o.item().valid())
                    .findFirst().orElseThrow();
            BatchItemError first = firstRejected.error();
            String cause = outcomes.stream().anyMatch(o -> o.item().valid())
                    ? "the batch is atomic and item " + firstRejected.item().index() + " is invalid: "
                            + first.message()
                    : "every item is invalid; the first: " + first.message();
            error = ErrorResponses.build(verdict.error(), cause, first.param(), null, null);
        }
        return ErrorResponses.reporting(error,
                detail -> JsonBytes.of(json, new BatchResponse(detail, accepted, rejected, unavailable, items)));
    }

    private static int count(List<BatchOutcome> outcomes, BatchOutcome.Status status) {
        return (int) outcomes.stream().filter(outcome -> outcome.status() == status).count();
    }

    private static BatchResponse.Item item(BatchOutcome outcome) {
        var item = outcome.item();
        var flat = item.submission();
        BatchItemError error = outcome.error();
        return new BatchResponse.Item(item.index(), outcome.status().wireName(),
                flat == null ? null : flat.root().id(), flat == null ? null : flat.distinctIds(),
                outcome.submissionId(), item.duplicateOf(),
                error == null
                        ? null
                        : new BatchResponse.ItemError(error.message(), error.param(),
                                error.kind().code()),
                EntityResource.refanged(item.refanged()), ScreenedParam.of(flat == null ? null : flat.screened()));
    }
}
