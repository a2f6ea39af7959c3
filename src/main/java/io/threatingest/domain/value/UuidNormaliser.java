package io.threatingest.domain.value;

import java.nio.charset.StandardCharsets;

/**
 * The {@code UUID} data type: Go lowercase, then the shapes google/uuid's {@code Parse} accepts (lengths in
 * UTF-8 bytes): 36 with hyphens, 38 (the 36 form between any two single-byte characters), 45 starting with
 * {@code urn:uuid:}, or 32 hex digits. Any version and variant. Normalised to the canonical 36 form.
 */
public final class UuidNormaliser implements Normaliser {

    public static final UuidNormaliser INSTANCE = new UuidNormaliser();

    private static final int[] HEX_PAIRS = { 0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34 };

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        return NormalisedValue.ofText(canonical(GoText.lower(Normaliser.requireText(raw))));
    }

    /** The canonical text of a UUID, or the reason the text is not one. */
    public static String canonical(String value) throws InvalidValueException {
        byte[] s = value.getBytes(StandardCharsets.UTF_8);
        int offset;
        switch (s.length) {
            case 36 :
                offset = 0;
                break;
            case 45 :
                if (!new String(s, 0, 9, StandardCharsets.ISO_8859_1).equalsIgnoreCase("urn:uuid:")) {
                    throw new InvalidValueException("invalid urn prefix: " + value);
                }
                offset = 9;
                break;
            case 38 :
                offset = 1;
                break;
            case 32 :
                return fromPlainHex(s, value);
            default :
                throw new InvalidValueException("invalid UUID length: " + s.length);
        }
        if (s[offset + 8] != '-' || s[offset + 13] != '-' || s[offset + 18] != '-' || s[offset + 23] != '-') {
            throw new InvalidValueException("invalid UUID format");
        }
        StringBuilder hex = new StringBuilder(32);
        for (int at : HEX_PAIRS) {
            appendHexPair(hex, s[offset + at], s[offset + at + 1]);
        }
        return format(hex);
    }

    private static String fromPlainHex(byte[] s, String value) throws InvalidValueException {
        StringBuilder hex = new StringBuilder(32);
        for (int i = 0; i < 32; i += 2) {
            appendHexPair(hex, s[i], s[i + 1]);
        }
        return format(hex);
    }

    private static void appendHexPair(StringBuilder hex, byte a, byte b) throws InvalidValueException {
        if (!isHex(a) || !isHex(b)) {
            throw new InvalidValueException("invalid UUID format");
        }
        hex.append(Character.toLowerCase((char) a)).append(Character.toLowerCase((char) b));
    }

    private static boolean isHex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String format(StringBuilder hex) {
        return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-'
                + hex.substring(16, 20) + '-' + hex.substring(20);
    }
}
