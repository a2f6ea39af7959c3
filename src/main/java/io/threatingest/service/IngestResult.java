package io.threatingest.service;

import io.threatingest.domain.FlatSubmission;

/** An accepted submission: its id (the message id on the broker) and what it contained. */
public record IngestResult(String submissionId, FlatSubmission submission) {
}
