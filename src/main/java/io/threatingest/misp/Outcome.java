package io.threatingest.misp;

import io.threatingest.domain.EntitySubmission;

/** What one MISP value became: a tree, or nothing with the reason. */
record Outcome(EntitySubmission tree, String notMapped) {

    static Outcome mapped(EntitySubmission tree) {
        return new Outcome(tree, null);
    }

    static Outcome notMapped(String reason) {
        return new Outcome(null, reason);
    }

    boolean isMapped() {
        return tree != null;
    }
}
