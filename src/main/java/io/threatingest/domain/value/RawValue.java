package io.threatingest.domain.value;

/**
 * A JSON value as it arrived, before its data type has looked at it. Keeping the JSON kind lets each data
 * type be strict: a number is never silently turned into a string, or a fraction into an integer.
 */
public sealed interface RawValue {

    /** A JSON string. */
    record Text(String value) implements RawValue {
    }

    /**
     * A JSON number, as its literal text. Each data type parses it with its own rule, so that {@code 1.0} is
     * not an integer, {@code -0} stays a negative zero for floats and out-of-range values are refused.
     */
    record Number(String literal) implements RawValue {

        /** Whether the literal has neither fraction nor exponent. */
        public boolean isIntegerLiteral() {
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                if (c == '.' || c == 'e' || c == 'E') {
                    return false;
                }
            }
            return true;
        }
    }

    /** Anything a data type can never accept, described by its JSON kind ("boolean", "object", ...). */
    record Other(String kind) implements RawValue {
    }

    /**
     * A JSON string. Unpaired UTF-16 surrogates (possible through {@code \ud800} escapes) become U+FFFD, as a
     * Go JSON decoder does, so that the UTF-8 bytes hashed are the reference's.
     */
    static Text text(String value) {
        return new Text(replaceLoneSurrogates(value));
    }

    static String replaceLoneSurrogates(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return replaceFrom(s, i);
            }
        }
        return s;
    }

    private static String replaceFrom(String s, int start) {
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, start);
        int n = s.length();
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** How the value is named in error messages. */
    default String describe() {
        if (this instanceof Text) {
            return "a string";
        }
        if (this instanceof Number number) {
            return "the number " + number.literal();
        }
        return "a JSON " + ((Other) this).kind();
    }
}
