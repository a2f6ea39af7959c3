package io.threatingest.extract;

/**
 * An indicator found in a text.
 *
 * @param type the entity type it was recognised as ({@code ip}, {@code domain}, {@code sha256}, ...)
 * @param found the characters as they stand in the text (possibly defanged)
 * @param value the value to submit: {@code found} with defanging undone
 * @param start offset of its first character in the text (UTF-16 units, as Java strings count)
 * @param end offset just past its last character
 */
public record FoundIndicator(String type, String found, String value, int start, int end) {
}
