package io.threatingest.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.threatingest.domain.EntitySubmission;
import io.threatingest.domain.FlatSubmission;
import io.threatingest.domain.RefangedSubmission;
import io.threatingest.domain.RefangedValue;
import io.threatingest.domain.Refanger;
import io.threatingest.domain.SubmissionException;
import io.threatingest.http.error.ErrorKind;

/**
 * The items of one batch, validated one by one as they are read (each alone: one invalid item does not refuse
 * the others). Items are numbered in arrival order; pointers in their errors start at {@code /entities/<index>}.
 */
public final class Batch {

    private final Function<EntitySubmission, FlatSubmission> validation;
    private final Caller caller;
    private final int maxItems;
    private final boolean refang;
    private final List<BatchItem> items = new ArrayList<>();
    private final Map<String, Integer> firstByRoot = new HashMap<>();

    /**
     * @param validation validates, screens and identifies one tree for this caller, or throws
     *        {@link SubmissionException}
     */
    Batch(Function<EntitySubmission, FlatSubmission> validation, Caller caller, int maxItems, boolean refang) {
        this.validation = validation;
        this.caller = caller;
        this.maxItems = maxItems;
        this.refang = refang;
    }

    public Caller caller() {
        return caller;
    }

    /** The pointer of the next item, for errors found while reading it. */
    public String nextPointer() {
        return "/entities/" + items.size();
    }

    /** Refangs the next item when asked to, then validates it. */
    public BatchItem add(EntitySubmission submission) {
        return add(submission, nextPointer());
    }

    /**
     * As {@link #add(EntitySubmission)}, with the pointers of the item's errors and refanged values starting at
     * {@code at} instead of at {@code /entities/<index>} (an item converted from another format has no place in a
     * batch document; {@code ""} keeps them relative to the tree).
     */
    public BatchItem add(EntitySubmission submission, String at) {
        checkRoom();
        List<RefangedValue> refanged = null;
        if (refang) {
            RefangedSubmission restored = Refanger.refang(submission, at);
            submission = restored.submission();
            refanged = restored.changes();
        }
        try {
            FlatSubmission flat = validation.apply(submission);
            Integer first = firstByRoot.putIfAbsent(flat.root().id(), items.size());
            return append(new BatchItem(items.size(), flat, null, first, refanged));
        } catch (SubmissionException e) {
            String pointer = at + e.pointer();
            String where = e.dataType() == null ? "at " + pointer : "data type " + e.dataType() + " at " + pointer;
            ErrorKind kind = e.refusedBy() != null
                    ? ErrorKind.REFUSED_BY_SCREENING
                    : e.forbidden() ? ErrorKind.FORBIDDEN : ErrorKind.INVALID_REQUEST;
            return append(new BatchItem(items.size(), null,
                    new BatchItemError(kind, e.getMessage() + " (" + where + ")", pointer), null, refanged));
        }
    }

    /** The next item could not be read as an entity (wrong JSON type, not an object, malformed line). */
    public BatchItem addUnreadable(String message, String pointer) {
        checkRoom();
        return append(new BatchItem(items.size(), null, new BatchItemError(ErrorKind.INVALID_REQUEST, message, pointer),
                null, null));
    }

    private String checkRoom() {
        if (items.size() >= maxItems) {
            throw new SubmissionException(nextPointer(), "more than " + maxItems + " items in one batch");
        }
        return nextPointer();
    }

    private BatchItem append(BatchItem item) {
        items.add(item);
        return item;
    }

    public List<BatchItem> items() {
        return items;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
