package io.threatingest.service;

import java.util.List;

/** Who submits: the user id and groups recorded on events and used as default visibility. */
public record Caller(String userId, List<String> groups) {

    public Caller {
        groups = List.copyOf(groups);
    }
}
