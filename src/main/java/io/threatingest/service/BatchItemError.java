package io.threatingest.service;

import io.threatingest.http.error.ErrorKind;

/**
 * Why one item of a batch was not accepted.
 *
 * @param kind the kind of error, as in the error answers of the single-entity endpoints; it gives the item's code
 * @param message what was wrong, and where
 * @param param the JSON pointer of the offending field from the batch document's root, when there is one
 */
public record BatchItemError(ErrorKind kind, String message, String param) {
}
