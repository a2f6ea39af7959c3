package io.threatingest.domain.value;

/**
 * The {@code BASE64} data type (Go {@code base64.StdEncoding}): standard alphabet, mandatory padding, CR and LF
 * ignored anywhere, nothing after the padding; unused bits in the last group may be non-zero. The value is
 * kept exactly as given.
 */
public final class Base64Normaliser implements Normaliser {

    public static final Base64Normaliser INSTANCE = new Base64Normaliser();

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        String value = Normaliser.requireText(raw);
        int count = 0;
        int padding = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                continue;
            }
            int inGroup = count % 4;
            if (c == '=') {
                if (inGroup < 2 || (padding == 0 && inGroup == 2 && !nextIsPadding(value, i + 1))) {
                    throw illegal(i);
                }
                padding++;
            } else if (padding > 0 || !isAlphabet(c)) {
                throw illegal(i);
            }
            count++;
        }
        if (count % 4 != 0) {
            throw illegal(value.length());
        }
        return NormalisedValue.ofText(value);
    }

    /** After a '=' in the third position of a group, the next significant character must be '=' too. */
    private static boolean nextIsPadding(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\r' && c != '\n') {
                return c == '=';
            }
        }
        return false;
    }

    private static boolean isAlphabet(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }

    private static InvalidValueException illegal(int at) {
        return new InvalidValueException("illegal base64 data at input byte " + at);
    }
}
