package io.threatingest.misp;

import java.util.List;

/**
 * What a value's entities carry besides the value: the reputation its {@code to_ids} flag gives, the tags, and the
 * transport protocol when a MISP object names one (for bare port numbers).
 */
record ValueContext(Integer reputation, List<String> tags, String protocol) {

    ValueContext {
        tags = List.copyOf(tags);
    }
}
