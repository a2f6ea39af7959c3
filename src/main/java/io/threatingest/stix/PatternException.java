package io.threatingest.stix;

/** A pattern outside the mapped subset, or not a pattern at all; the message is the reason. */
final class PatternException extends RuntimeException {

    PatternException(String reason) {
        super(reason, null, false, false);
    }
}
