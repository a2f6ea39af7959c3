package io.threatingest.domain;

/**
 * One attribute value that {@link Refanger} rewrote.
 *
 * @param param JSON pointer of the attribute in the submission, e.g. {@code /associations/0/attributes/url}
 * @param from the value as submitted
 * @param to the value handed to validation
 */
public record RefangedValue(String param, String from, String to) {
}
