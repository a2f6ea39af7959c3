package io.threatingest.service;

import java.util.List;

/** Every object of a converted document with its outcome, in document order. */
public record IntakeReport(List<ObjectOutcome> objects) {

    public IntakeReport {
        objects = List.copyOf(objects);
    }

    public long count(ObjectOutcome.Status status) {
        return objects.stream().filter(object -> object.status() == status).count();
    }
}
