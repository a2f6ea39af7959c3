package io.threatingest.service;

import java.util.List;

import io.threatingest.domain.FlatSubmission;
import io.threatingest.domain.RefangedValue;

/**
 * An accepted submission: its id (the message id on the broker) and what it contained.
 *
 * @param refanged the values refanging rewrote, or {@code null} when refanging was not asked for
 */
public record IngestResult(String submissionId, FlatSubmission submission, List<RefangedValue> refanged) {
}
