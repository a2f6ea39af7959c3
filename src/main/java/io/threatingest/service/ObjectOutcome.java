package io.threatingest.service;

import java.util.List;
import java.util.Locale;

import io.threatingest.domain.RefangedValue;
import io.threatingest.domain.ScreeningMatch;
import io.threatingest.intake.SourceObject;

/**
 * What became of one object of a converted document.
 *
 * @param ids every entity ID of the object's trees that were accepted (in a dry run: that are valid), without
 *        duplicates, in order
 * @param submissionIds the events that carry those trees
 * @param error why the object is rejected or unavailable; for not mapped objects the reason is
 *        {@code source().notMapped()}
 * @param refanged values restored before validation, pointers relative to each tree; {@code null} unless asked for
 * @param screened what the screening lists matched in the object's valid trees; empty when nothing
 */
public record ObjectOutcome(SourceObject source, Status status, List<String> ids, List<String> submissionIds,
        BatchItemError error, List<RefangedValue> refanged, List<ScreeningMatch> screened) {

    public enum Status {

        /** Every tree of the object is held by the broker (in a dry run: valid). */
        ACCEPTED,
        /** At least one of its trees is invalid; its valid trees may still have been published. */
        REJECTED,
        /** None invalid, but the broker did not take at least one of its trees: send the object again. */
        UNAVAILABLE,
        /** The object maps to no entity; the reason is in the source. */
        NOT_MAPPED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
