package io.threatingest.taxii;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;
import io.threatingest.http.IntakeDocuments;
import io.threatingest.http.SubmissionVerdict;
import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorKind;
import io.threatingest.service.Caller;
import io.threatingest.service.IntakeOptions;
import io.threatingest.service.IntakeReport;
import io.threatingest.service.IntakeService;
import io.threatingest.service.ObjectOutcome;
import io.threatingest.stix.StixMapper;

/**
 * Adds the objects of a TAXII envelope to a collection: the envelope is converted ({@link StixMapper}), submitted as
 * one batch with the collection's tags and groups, and reported as a TAXII status, which is kept for the caller to
 * read again. When the broker took none of the valid objects the request fails with 503 and nothing is kept.
 */
@ApplicationScoped
public class TaxiiIntake {

    private static final Logger LOG = Logger.getLogger(TaxiiIntake.class);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final IntakeService intake;
    private final TaxiiStatuses statuses;
    private final ObjectMapper json;
    private final Duration retryAfter;

    public TaxiiIntake(IntakeService intake, TaxiiStatuses statuses, ObjectMapper json, IngestConfig config) {
        this.intake = intake;
        this.statuses = statuses;
        this.json = json;
        this.retryAfter = config.publish().retryAfter();
    }

    public Uni<TaxiiStatus> add(byte[] body, TaxiiCollections.Collection collection, Caller caller, boolean screen) {
        Instant arrived = Instant.now();
        IntakeOptions options = new IntakeOptions(false, false, collection.tags(), collection.visibleBy(), screen);
        return intake.receive(() -> IntakeDocuments.parse(body, json, "a TAXII envelope {\"objects\": [...]}"),
                new StixMapper()::envelope, caller, options, received -> {
                    IntakeReport report = received.report();
                    // TAXII reports invalid and unmapped objects in the status (202); only a broker that took none
                    // of the valid objects refuses the request
                    if (SubmissionVerdict.of(report.count(ObjectOutcome.Status.ACCEPTED),
                            report.count(ObjectOutcome.Status.UNAVAILABLE), 0) == SubmissionVerdict.BROKER_TOOK_NONE) {
                        throw new ApiException(ErrorKind.BROKER_UNAVAILABLE_OBJECTS,
                                "none of the valid objects was taken; send the envelope again", null, retryAfter);
                    }
                    return status(report, received.document(), arrived);
                }).flatMap(status -> statuses.put(caller.userId(), status)
                        .onFailure().invoke(failure -> LOG.warnf("TAXII status %s answered but not kept: %s",
                                status.id(), failure.getMessage()))
                        .onFailure().recoverWithNull()
                        .replaceWith(status));
    }

    private static TaxiiStatus status(IntakeReport report, JsonNode envelope, Instant received) {
        String timestamp = TIMESTAMP.format(received);
        List<TaxiiStatus.Detail> successes = new ArrayList<>();
        List<TaxiiStatus.Detail> failures = new ArrayList<>();
        for (ObjectOutcome outcome : report.objects()) {
            String id = outcome.source().ref();
            String version = version(outcome, envelope, timestamp);
            switch (outcome.status()) {
                case ACCEPTED -> successes.add(new TaxiiStatus.Detail(id, version, screened(outcome)));
                case REJECTED -> failures.add(new TaxiiStatus.Detail(id, version, "rejected: "
                        + outcome.error().message()));
                case NOT_MAPPED -> failures.add(new TaxiiStatus.Detail(id, version, "not mapped: "
                        + outcome.source().notMapped()));
                case UNAVAILABLE -> failures.add(new TaxiiStatus.Detail(id, version, "the broker did not take it "
                        + "now; send the object again"));
            }
        }
        return new TaxiiStatus(UUID.randomUUID().toString(), TaxiiStatus.COMPLETE, timestamp,
                report.objects().size(), successes.size(), successes, failures.size(), failures, 0, List.of());
    }

    /**
     * What screening matched in an accepted object, as its status message ({@code screened: <entity ID> on <list>
     * (<action>); ...}), or {@code null}.
     */
    private static String screened(ObjectOutcome outcome) {
        if (outcome.screened().isEmpty()) {
            return null;
        }
        return "screened: " + outcome.screened().stream()
                .map(m -> m.id() + " on " + m.list() + " (" + m.action().wireName() + ")")
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** The object's {@code modified}, else its {@code created}, else when it was received (TAXII's rule). */
    private static String version(ObjectOutcome outcome, JsonNode envelope, String received) {
        if (outcome.source().version() != null) {
            return outcome.source().version();
        }
        JsonNode created = envelope.at(outcome.source().pointer() + "/created");
        return created.isTextual() ? created.asText() : received;
    }
}
