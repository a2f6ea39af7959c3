package io.threatingest.screening;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.threatingest.domain.Catalogue;
import io.threatingest.domain.DataType;
import io.threatingest.domain.EntityId;
import io.threatingest.domain.EntityType;
import io.threatingest.domain.FlatEntity;
import io.threatingest.domain.FlatSubmission;
import io.threatingest.domain.ScreeningAction;
import io.threatingest.domain.ScreeningMatch;
import io.threatingest.domain.SubmissionException;
import io.threatingest.domain.SubmissionFlattener;
import io.threatingest.domain.screening.ScreeningIndex;
import io.threatingest.domain.value.NormalisedValue;
import io.threatingest.domain.value.RawValue;

/**
 * Screens validated trees against the lists in force: each entity's normalised main value (correlated attributes
 * are entities of their own, so they are screened too). Matches are reported on the tree; {@code tag} adds
 * {@code screened:<key>} to the entity, {@code drop} keeps it from the event, {@code refuse} refuses the tree.
 */
@ApplicationScoped
public class Screener {

    public static final String TAG_PREFIX = "screened:";
    public static final String MATCHES_METRIC = "ingest_screening_matches_total";

    private final ScreeningLists lists;
    private final MeterRegistry registry;
    /** The counters of each list key, one per action, registered on first use. */
    private final Map<String, Counter[]> counters = new ConcurrentHashMap<>();

    public Screener(ScreeningLists lists, MeterRegistry registry) {
        this.lists = lists;
        this.registry = registry;
    }

    /**
     * The tree with its matches and their actions applied; a list whose action is {@code refuse} fails it with a
     * {@link SubmissionException} (pointer {@code at}) naming the list.
     */
    public FlatSubmission screen(FlatSubmission flat, String at) {
        ScreeningLists.Snapshot snapshot = lists.current();
        ScreeningIndex index = snapshot.index();
        if (index.isEmpty()) {
            return flat;
        }
        List<ScreeningMatch> matches = null;
        // (entity ID, list) pairs reported already: an entity may stand in a tree more than once
        Set<String> reported = null;
        List<FlatEntity> entities = null;
        for (int e = 0; e < flat.entities().size(); e++) {
            FlatEntity entity = flat.entities().get(e);
            int[] hits = matches(index, entity.type(), entity.value().text());
            if (hits.length == 0) {
                continue;
            }
            List<String> tags = null;
            for (int list : hits) {
                ScreeningIndex.ListInfo info = index.lists().get(list);
                ScreeningAction action = snapshot.actions()[list];
                if (matches == null) {
                    matches = new ArrayList<>();
                    reported = new HashSet<>();
                }
                if (reported.add(entity.id() + '\n' + info.key())) {
                    matches.add(new ScreeningMatch(entity.id(), info.key(), info.name(), action));
                    count(info.key(), action);
                }
                if (action == ScreeningAction.REFUSE) {
                    throw SubmissionException.refused(at, info.key(), "entity " + entity.id() + " (" + entity.type()
                            + " " + entity.value().text() + ") is on the list " + info.key() + " (" + info.name()
                            + "), whose action is refuse");
                }
                if (action == ScreeningAction.TAG && !entity.tags().contains(TAG_PREFIX + info.key())) {
                    tags = tags == null ? new ArrayList<>(entity.tags()) : tags;
                    if (!tags.contains(TAG_PREFIX + info.key())) {
                        tags.add(TAG_PREFIX + info.key());
                    }
                }
            }
            if (tags != null) {
                entities = entities == null ? new ArrayList<>(flat.entities()) : entities;
                entities.set(e, new FlatEntity(entity.id(), entity.type(), entity.value(), entity.attributes(),
                        entity.reputation(), List.copyOf(tags), entity.visibleBy()));
            }
        }
        if (matches == null) {
            return flat;
        }
        return new FlatSubmission(entities == null ? flat.entities() : List.copyOf(entities), flat.relations(),
                matches);
    }

    /** The lists one value of an entity type matches, with their actions (for references and extracted values). */
    public List<ScreeningMatch> matches(String entityType, String id, String normalised) {
        ScreeningLists.Snapshot snapshot = lists.current();
        ScreeningIndex index = snapshot.index();
        if (index.isEmpty()) {
            return List.of();
        }
        int[] hits = matches(index, entityType, normalised);
        List<ScreeningMatch> found = new ArrayList<>(hits.length);
        for (int list : hits) {
            ScreeningIndex.ListInfo info = index.lists().get(list);
            found.add(new ScreeningMatch(id, info.key(), info.name(), snapshot.actions()[list]));
            count(info.key(), snapshot.actions()[list]);
        }
        return found;
    }

    /**
     * Screens an entity named by {@code {type, value}} in a reference ({@code /association}, {@code /comment}):
     * {@code refuse} refuses the request (pointer {@code at}); the other matches are returned for the door to apply
     * (these doors publish no entity). {@code null} type or value: nothing to screen.
     */
    public List<ScreeningMatch> reference(String entityType, RawValue value, String at) {
        EntityType type = entityType == null ? null : Catalogue.find(entityType);
        if (type == null || value == null || lists.current().index().isEmpty()) {
            return List.of();
        }
        NormalisedValue normalised = SubmissionFlattener.normalise(type, value, at + "/value");
        String id = EntityId.of(type.name(), normalised.text());
        List<ScreeningMatch> found = matches(type.name(), id, normalised.text());
        for (ScreeningMatch match : found) {
            if (match.action() == ScreeningAction.REFUSE) {
                throw SubmissionException.refused(at, match.list(), "entity " + id + " (" + type.name() + " "
                        + normalised.text() + ") is on the list " + match.list() + " (" + match.name()
                        + "), whose action is refuse");
            }
        }
        return found;
    }

    private static int[] matches(ScreeningIndex index, String entityType, String text) {
        EntityType type = Catalogue.find(entityType);
        DataType dataType = type == null ? DataType.STRING : type.dataType();
        return index.match(dataType, text);
    }

    private void count(String list, ScreeningAction action) {
        Counter[] byAction = counters.computeIfAbsent(list, key -> new Counter[ScreeningAction.values().length]);
        Counter counter = byAction[action.ordinal()];
        if (counter == null) {
            counter = Counter.builder("ingest.screening.matches")
                    .description("Values that matched a screening list, by list and action")
                    .tag("list", list).tag("action", action.wireName())
                    .register(registry);
            byAction[action.ordinal()] = counter;
        }
        counter.increment();
    }
}
