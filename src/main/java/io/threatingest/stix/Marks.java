package io.threatingest.stix;

import java.util.List;

/**
 * What every identifying entity made from one STIX object carries: the reputation (only indicators give one) and
 * the tags (labels and TLP markings).
 */
record Marks(Integer reputation, List<String> tags) {

    static final Marks NONE = new Marks(null, List.of());

    Marks {
        tags = List.copyOf(tags);
    }
}
