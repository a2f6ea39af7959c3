package io.threatingest.domain.value;

/**
 * The result of a data type's normalisation.
 *
 * @param value the normalised value as it travels in JSON: a {@code String}, a {@code Long} or a {@code Double}
 * @param text the exact text that is hashed into the entity ID
 */
public record NormalisedValue(Object value, String text) {

    public static NormalisedValue ofText(String text) {
        return new NormalisedValue(text, text);
    }
}
