package io.threatingest.service;

import java.util.List;

import io.threatingest.domain.FlatSubmission;
import io.threatingest.domain.RefangedValue;

/**
 * A submission that passed validation, ready to publish or to show as a dry run.
 *
 * @param refanged the values refanging rewrote, or {@code null} when refanging was not asked for
 */
public record CheckedSubmission(FlatSubmission submission, List<RefangedValue> refanged) {
}
