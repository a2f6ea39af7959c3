package io.threatingest.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Response;

import io.threatingest.api.dto.BatchResponse;
import io.threatingest.api.dto.IntakeResponse;
import io.threatingest.api.dto.ScreenedParam;
import io.threatingest.http.error.ErrorBody;
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

    static Response answer(IntakeReport report, boolean dryRun, Duration retryAfter) {
        List<IntakeResponse.Item> items = new ArrayList<>(report.objects().size());
        boolean anyGood = false;
        for (int i = 0; i < report.objects().size(); i++) {
            ObjectOutcome outcome = report.objects().get(i);
            items.add(item(i, outcome));
            anyGood |= !outcome.ids().isEmpty();
        }
        int accepted = (int) report.count(Status.ACCEPTED);
        int rejected = (int) report.count(Status.REJECTED);
        int unavailable = (int) report.count(Status.UNAVAILABLE);
        int notMapped = (int) report.count(Status.NOT_MAPPED);
        if (anyGood) {
            IntakeResponse body = new IntakeResponse(null, accepted, rejected, unavailable, notMapped, items);
            return DryRun.answer(dryRun, body);
        }
        Response error;
        if (unavailable > 0) {
            error = ErrorResponses.build(503, "the broker cannot take the submission now, retry later",
                    "the broker took none of the " + unavailable + " objects with valid entities", null, retryAfter,
                    null);
        } else if (rejected > 0) {
            BatchItemError first = report.objects().stream().filter(o -> o.status() == Status.REJECTED)
                    .findFirst().orElseThrow().error();
            error = ErrorResponses.build(400, "invalid request",
                    "no object of the document has a valid entity; the first: " + first.message(), first.param(),
                    null, null);
        } else {
            error = ErrorResponses.build(400, "nothing to ingest", report.objects().isEmpty()
                    ? "the document holds no object"
                    : "no object of the document maps to an entity (" + notMapped + " not mapped)", null, null, null);
        }
        ErrorBody.Detail detail = ((ErrorBody) error.getEntity()).error();
        return Response.fromResponse(error)
                .entity(new IntakeResponse(detail, accepted, rejected, unavailable, notMapped, items))
                .build();
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
                                ErrorResponses.code(error.summary())),
                source.notMapped(), EntityResource.refanged(outcome.refanged()), ScreenedParam.of(outcome.screened()));
    }
}
