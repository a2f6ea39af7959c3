package io.threatingest.stix;

import java.util.List;

import io.threatingest.domain.EntitySubmission;

/** What one STIX object became: entity trees, or none with the reason. */
record Mapping(List<EntitySubmission> trees, String reason) {

    Mapping {
        trees = List.copyOf(trees);
    }

    static Mapping of(List<EntitySubmission> trees) {
        return new Mapping(trees, null);
    }

    static Mapping none(String reason) {
        return new Mapping(List.of(), reason);
    }

    boolean mapped() {
        return reason == null;
    }
}
