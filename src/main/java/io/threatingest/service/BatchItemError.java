package io.threatingest.service;

/**
 * Why one item of a batch was not accepted.
 *
 * @param summary the kind of error, as in the error answers of the single-entity endpoints ("invalid request",
 *        "forbidden", ...); its code is derived from it
 * @param message what was wrong, and where
 * @param param the JSON pointer of the offending field from the batch document's root, when there is one
 */
public record BatchItemError(String summary, String message, String param) {

    public static final String INVALID = "invalid request";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_SENT = "not published";
    public static final String SCREENED = "refused by screening";
}
