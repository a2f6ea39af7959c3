package io.threatingest.service;

import java.util.List;

import io.threatingest.domain.ScreeningAction;
import io.threatingest.domain.ScreeningMatch;
import io.threatingest.messaging.event.EventReferenceScreening;
import io.threatingest.screening.Screener;

/**
 * Screening of the {@code {type, value}} references of {@code /association} and {@code /comment}, which publish no
 * entity: {@code refuse} is a 422 (from the {@link Screener}), {@code drop} leaves the association or comment
 * unpublished (accepted, like a tree whose every entity is dropped), and {@code report} and {@code tag} travel in
 * its event.
 */
final class ReferenceScreening {

    private ReferenceScreening() {
    }

    /** Screens a reference (an ID alone names no value to screen). */
    static List<ScreeningMatch> screen(Screener screener, EntityRef ref, String at) {
        return ref == null ? List.of() : screener.reference(ref.type(), ref.value(), at);
    }

    /** Whether a list drops what references a matched entity: then nothing is published. */
    static boolean dropped(List<ScreeningMatch> matches) {
        return matches.stream().anyMatch(match -> match.action() == ScreeningAction.DROP);
    }

    static List<EventReferenceScreening> forEvent(List<ScreeningMatch> matches) {
        return matches.stream()
                .map(match -> new EventReferenceScreening(match.id(), match.list(), match.name(),
                        match.action().wireName()))
                .toList();
    }
}
