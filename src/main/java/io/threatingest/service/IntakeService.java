package io.threatingest.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.threatingest.domain.AssociationSubmission;
import io.threatingest.domain.EntitySubmission;
import io.threatingest.domain.RefangedValue;
import io.threatingest.domain.ScreeningMatch;
import io.threatingest.domain.SubmissionException;
import io.threatingest.intake.Conversion;
import io.threatingest.intake.DocumentException;
import io.threatingest.intake.SourceObject;

/**
 * Converted documents (STIX, MISP, free text): every tree of every mapped object goes into one batch, so that it is
 * validated, identified, packed and published exactly as {@code POST /batch} does; the outcomes of the trees are then
 * gathered back per object.
 */
@ApplicationScoped
public class IntakeService {

    private final BatchService batches;

    public IntakeService(BatchService batches) {
        this.batches = batches;
    }

    /**
     * The one way a document or a text becomes published entities, whatever door it came in by: {@code read}
     * parses it and {@code convert} maps it to entity trees, then every tree is validated, screened and identified;
     * all of that grows with the body, so it runs off the event loop. The valid trees are then published (none in
     * a dry run), and {@code answer} reports every object of the document, off the event loop too.
     */
    public <D, R> Uni<R> receive(Callable<D> read, Function<D, Conversion> convert, Caller caller,
            IntakeOptions options, Function<Received<D>, R> answer) {
        return OffLoop.run(() -> {
            D document = read.call();
            return new Parsed<>(document, prepare(convert.apply(document), caller, options));
        }).flatMap(parsed -> publish(parsed.prepared())
                .flatMap(outcomes -> OffLoop.run(() -> answer.apply(new Received<>(parsed.document(),
                        report(parsed.prepared().conversion(), parsed.prepared().itemsOf(), outcomes))))));
    }

    /** The document as read, and what became of each of its objects. */
    public record Received<D>(D document, IntakeReport report) {
    }

    private record Parsed<D>(D document, Prepared prepared) {
    }

    private Prepared prepare(Conversion conversion, Caller caller, IntakeOptions options) {
        Batch batch = batches.start(caller, options.refang(), options.screen());
        List<int[]> itemsOf = new ArrayList<>(conversion.objects().size());
        for (SourceObject object : conversion.objects()) {
            int first = batch.items().size();
            for (EntitySubmission tree : object.trees()) {
                try {
                    batch.add(withDefaults(tree, options), "");
                } catch (SubmissionException tooMany) {
                    throw new DocumentException(object.pointer(), "the document maps to more entity trees than one "
                            + "request may publish (" + tooMany.getMessage() + ")");
                }
            }
            itemsOf.add(new int[]{ first, batch.items().size() });
        }
        return new Prepared(conversion, batch, itemsOf, options.dryRun());
    }

    /** A converted document whose trees are validated: the batch of all its trees, and which trees are whose. */
    private record Prepared(Conversion conversion, Batch batch, List<int[]> itemsOf, boolean dryRun) {
    }

    private Uni<List<BatchOutcome>> publish(Prepared prepared) {
        if (prepared.batch().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return batches.publish(prepared.batch(), false, prepared.dryRun());
    }

    private static IntakeReport report(Conversion conversion, List<int[]> itemsOf, List<BatchOutcome> outcomes) {
        List<ObjectOutcome> objects = new ArrayList<>(itemsOf.size());
        for (int i = 0; i < itemsOf.size(); i++) {
            SourceObject source = conversion.objects().get(i);
            if (!source.mapped()) {
                objects.add(new ObjectOutcome(source, ObjectOutcome.Status.NOT_MAPPED, List.of(), List.of(), null,
                        null, List.of()));
                continue;
            }
            objects.add(outcome(source, outcomes.subList(itemsOf.get(i)[0], itemsOf.get(i)[1])));
        }
        return new IntakeReport(objects);
    }

    private static ObjectOutcome outcome(SourceObject source, List<BatchOutcome> trees) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> submissions = new LinkedHashSet<>();
        List<RefangedValue> refanged = null;
        List<ScreeningMatch> screened = new ArrayList<>();
        BatchItemError rejected = null;
        BatchItemError unavailable = null;
        int rejectedTrees = 0;
        for (BatchOutcome tree : trees) {
            if (tree.item().refanged() != null) {
                refanged = refanged == null ? new ArrayList<>() : refanged;
                refanged.addAll(tree.item().refanged());
            }
            if (tree.item().submission() != null) {
                screened.addAll(tree.item().submission().screened());
            }
            switch (tree.status()) {
                case ACCEPTED -> {
                    ids.addAll(tree.item().submission().distinctIds());
                    if (tree.submissionId() != null) {
                        submissions.add(tree.submissionId());
                    }
                }
                case REJECTED -> {
                    rejectedTrees++;
                    rejected = rejected == null ? tree.error() : rejected;
                }
                case UNAVAILABLE -> unavailable = unavailable == null ? tree.error() : unavailable;
            }
        }
        ObjectOutcome.Status status;
        BatchItemError error;
        if (rejected != null) {
            status = ObjectOutcome.Status.REJECTED;
            String which = trees.size() == 1
                    ? ""
                    : rejectedTrees + " of its " + trees.size() + " entity trees invalid; ";
            error = new BatchItemError(rejected.kind(), which + rejected.message(), source.pointer());
        } else if (unavailable != null) {
            status = ObjectOutcome.Status.UNAVAILABLE;
            error = new BatchItemError(unavailable.kind(), unavailable.message(), source.pointer());
        } else {
            status = ObjectOutcome.Status.ACCEPTED;
            error = null;
        }
        return new ObjectOutcome(source, status, List.copyOf(ids), List.copyOf(submissions), error, refanged,
                List.copyOf(screened));
    }

    /** The collection's tags on every entity, its groups on every entity that names none. */
    static EntitySubmission withDefaults(EntitySubmission tree, IntakeOptions options) {
        if (options.tags().isEmpty() && options.visibleBy() == null) {
            return tree;
        }
        List<AssociationSubmission> associations = tree.associations() == null
                ? null
                : tree.associations().stream()
                        .map(a -> a == null || a.entity() == null
                                ? a
                                : new AssociationSubmission(a.mode(), withDefaults(a.entity(), options)))
                        .toList();
        List<String> tags = tree.tags();
        if (!options.tags().isEmpty()) {
            Set<String> merged = new LinkedHashSet<>(tags == null ? List.of() : tags);
            merged.addAll(options.tags());
            tags = List.copyOf(merged);
        }
        List<String> visibleBy = tree.visibleBy() == null ? options.visibleBy() : tree.visibleBy();
        return new EntitySubmission(tree.type(), tree.attributes(), associations, tree.reputation(), tree.correlate(),
                tags, visibleBy);
    }
}
