package io.threatingest.api.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.threatingest.domain.ScreeningMatch;

/** An entity whose value a screening list matched, and what the match did. */
@Schema(name = "Screened")
public record ScreenedParam(
        @Schema(description = "The entity's ID.") String id,
        @Schema(description = "The list's key: its file name without .json.", examples = "public-dns-resolvers") String list,
        @Schema(description = "The list's name.") String name,
        @Schema(description = "What the match did: reported it, tagged the entity (screened:<list>), dropped it from the event, or refused it.", enumeration = {
                "report", "tag", "drop", "refuse" }) String action){

    public static final String DESCRIPTION = "The entities whose values a screening list matched, with the list and "
            + "its action (docs/screening.md); absent when none did.";

    /** The matches as answered, or {@code null} when there are none (the field is then left out). */
    public static List<ScreenedParam> of(List<ScreeningMatch> matches) {
        if (matches == null || matches.isEmpty()) {
            return null;
        }
        return matches.stream().map(m -> new ScreenedParam(m.id(), m.list(), m.name(), m.action().wireName()))
                .toList();
    }
}
