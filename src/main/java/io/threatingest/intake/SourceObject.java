package io.threatingest.intake;

import java.util.List;
import java.util.Objects;

import io.threatingest.domain.EntitySubmission;

/**
 * One object of an intelligence document and what it maps to: entity trees, or nothing with the reason.
 *
 * @param ref how the document names the object (a STIX id, a MISP attribute or object uuid, the indicator as
 *        found in a text); never {@code null}
 * @param version the object's version where the format has one (STIX {@code modified}), else {@code null}
 * @param kind the object's type in its own format ({@code indicator}, {@code ipv4-addr}, {@code ip-dst}, ...)
 * @param pointer where the object is in the document: a JSON pointer ({@code /objects/3}), or for text a
 *        character offset as {@code @1234}
 * @param trees the entity trees it maps to, in order; empty when not mapped
 * @param notMapped why nothing was made of it, or {@code null} when mapped
 */
public record SourceObject(String ref, String version, String kind, String pointer, List<EntitySubmission> trees,
        String notMapped) {

    public SourceObject {
        Objects.requireNonNull(ref, "ref");
        trees = List.copyOf(trees);
        if (trees.isEmpty() == (notMapped == null)) {
            throw new IllegalArgumentException("an object is either mapped to trees or not mapped with a reason");
        }
    }

    public static SourceObject mapped(String ref, String version, String kind, String pointer,
            List<EntitySubmission> trees) {
        return new SourceObject(ref, version, kind, pointer, trees, null);
    }

    public static SourceObject notMapped(String ref, String version, String kind, String pointer, String reason) {
        return new SourceObject(ref, version, kind, pointer, List.of(), reason);
    }

    public boolean mapped() {
        return notMapped == null;
    }
}
