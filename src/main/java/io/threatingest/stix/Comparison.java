package io.threatingest.stix;

/**
 * {@code path = value}, the only comparison mapped ({@code IN} is read as several of them).
 *
 * @param value the string (unescaped) or the integer literal
 * @param integer whether the value was written as an integer
 */
record Comparison(ObjectPath path, String value, boolean integer) {
}
