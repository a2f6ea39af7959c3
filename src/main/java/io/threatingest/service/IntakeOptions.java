package io.threatingest.service;

import java.util.List;

/**
 * How a converted document is submitted.
 *
 * @param dryRun validate and identify only, publish nothing
 * @param refang restore defanged values before validation
 * @param tags added to every entity of every tree (a TAXII collection's tags); may be empty
 * @param visibleBy given to every entity that names no {@code visibleBy} of its own (a TAXII collection's
 *        default), or {@code null} for the caller's groups
 * @param screen screen every tree against the lists in force (false only for a trusted source that asks)
 */
public record IntakeOptions(boolean dryRun, boolean refang, List<String> tags, List<String> visibleBy,
        boolean screen) {

    public IntakeOptions {
        tags = tags == null ? List.of() : List.copyOf(tags);
        visibleBy = visibleBy == null ? null : List.copyOf(visibleBy);
    }

    public IntakeOptions(boolean dryRun, boolean refang, List<String> tags, List<String> visibleBy) {
        this(dryRun, refang, tags, visibleBy, true);
    }

    public static IntakeOptions of(boolean dryRun, boolean refang) {
        return new IntakeOptions(dryRun, refang, List.of(), null, true);
    }
}
