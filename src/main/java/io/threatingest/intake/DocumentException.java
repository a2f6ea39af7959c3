package io.threatingest.intake;

/**
 * A document that is not one of its format as a whole (not a STIX bundle, no MISP event, ...): refused with 400
 * and the JSON pointer of what is wrong. Problems of single objects are not this: they are reported per object.
 */
public final class DocumentException extends RuntimeException {

    private final String pointer;

    public DocumentException(String pointer, String message) {
        super(message, null, false, false);
        this.pointer = pointer;
    }

    /** JSON pointer (RFC 6901) from the document's root; {@code ""} for the whole document. */
    public String pointer() {
        return pointer;
    }
}
