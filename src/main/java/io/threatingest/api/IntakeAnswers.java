package io.threatingest.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.threatingest.api.dto.BatchResponse;
import io.threatingest.api.dto.IntakeResponse;
import io.threatingest.api.dto.ScreenedParam;
import io.threatingest.http.SubmissionVerdict;
import io.threatingest.http.error.ErrorResponses;
import io.threatingest.service.BatchItemError;
import io.threatingest.service.IntakeReport;
import io.threatingest.service.ObjectOutcome;
import io.threatingest.service.ObjectOutcome.Status;

/**
 * The HTTP answer to a converted document: 202 when anything was published (200 in a dry run when anything is
 * valid), else 503 when the broker took none of the valid objects, else 400 (nothing valid, or nothing mapped);
 * every answer reports every object.
 */
final class IntakeAnswers {

    private IntakeAnswers() {
    }

    static Response answer(IntakeReport report, boolean dryRun, Duration retryAfter, ObjectMapper json) {
        List<IntakeResponse.Item> items = new ArrayList<>(report.objects().size());
        long withEntities = 0;
        for (int i = 0; i < report.objects().size(); i++) {
            ObjectOutcome outcome = report.objects().get(i);
            items.add(item(i, outcome));
            withEntities += outcome.ids().isEmpty() ? 0 : 1;
        }
        int accepted = (int) report.count(Status.ACCEPTED);
        int rejected = (int) report.count(Status.REJECTED);
        int unavailable = (int) report.count(Status.UNAVAILABLE);
        int notMapped = (int) report.count(Status.NOT_MAPPED);
        // an object of several trees with one invalid is rejected, but its valid trees count as published
        SubmissionVerdict verdict = SubmissionVerdict.of(withEntities, unavailable, rejected);
        Response error = switch (verdict) {
            case ACCEPTED -> null;
            case BROKER_TOOK_NONE -> ErrorResponses.build(verdict.error(),
                    "the broker took none of the " + unavailable + " objects with valid entities", null, retryAfter,
                    null);
            case NONE_VALID -> {
                BatchItemError first = report.objects().stream().filter(o -> o.status() == Status.REJECTED)
                        .findFirst().orElseThrow().error();
                yield ErrorResponses.build(verdict.error(),
                        "no object of the document has a valid entity; the first: " + first.message(),
                        first.param(), null, null);
            }
            case NOTHING -> ErrorResponses.build(verdict.error(), report.objects().isEmpty()
                    ? "the document holds no object"
                    : "no object of the document maps to an entity (" + notMapped + " not mapped)", null, null, null);
        };
        if (error == null) {
            return Response.status(verdict.status(dryRun)).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(JsonBytes.of(json, new IntakeResponse(null, accepted, rejected, unavailable, notMapped,
                            items)))
                    .build();
        }
        return ErrorResponses.reporting(error,
                detail -> JsonBytes.of(json, new IntakeResponse(detail, accepted, rejected, unavailable, notMapped,
                        items)));
    }

    private static IntakeResponse.Item item(int index, ObjectOutcome outcome) {
        var source = outcome.source();
        BatchItemError error = outcome.error();
        return new IntakeResponse.Item(index, source.ref(), source.version(), source.kind(), source.pointer(),
                outcome.status().wireName(), outcome.ids().isEmpty() ? null : outcome.ids(),
                outcome.submissionIds().isEmpty() ? null : outcome.submissionIds(),
                error == null
                        ? null
                        : new BatchResponse.ItemError(error.message(), error.param(),
                                error.kind().code()),
                source.notMapped(), EntityResource.refanged(outcome.refanged()), ScreenedParam.of(outcome.screened()));
    }
}
