package io.threatingest.service;

import java.util.List;

import io.threatingest.domain.FlatSubmission;
import io.threatingest.domain.RefangedValue;

/**
 * One item of a batch after validation: its tree, or why it was refused.
 *
 * @param index the item's position in the batch, from 0
 * @param submission the validated tree, or {@code null} when the item is invalid
 * @param error why the item is invalid, or {@code null}
 * @param duplicateOf the index of an earlier item of the same batch with the same root ID, or {@code null}
 * @param refanged the values refanged before validation (pointers from the batch's root); {@code null} unless
 *        refanging was asked for
 */
public record BatchItem(int index, FlatSubmission submission, BatchItemError error, Integer duplicateOf,
        List<RefangedValue> refanged) {

    public boolean valid() {
        return submission != null;
    }
}
