package io.threatingest.domain;

import java.util.Locale;

/** What a match with a list does to the entity. */
public enum ScreeningAction {

    /** Nothing but the report in the answer, the event and the metrics. */
    REPORT,
    /** The entity gains the tag {@code screened:<list key>}. */
    TAG,
    /** The entity is not published; the rest of its tree is. */
    DROP,
    /** The tree is refused: a single submission with 422, a batch item or document object as rejected. */
    REFUSE;

    public static ScreeningAction fromName(String name) {
        for (ScreeningAction action : values()) {
            if (action.wireName().equals(name)) {
                return action;
            }
        }
        throw new IllegalArgumentException("screening action must be report, tag, drop or refuse, got " + name);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
