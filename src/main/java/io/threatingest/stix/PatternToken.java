package io.threatingest.stix;

/**
 * One token of a STIX pattern.
 *
 * @param text the keyword, operator or literal (strings unescaped); for a path, its text as written
 * @param offset where the token starts in the pattern
 * @param path the object path, only for {@link Kind#PATH}
 */
record PatternToken(Kind kind, String text, int offset, ObjectPath path) {

    enum Kind {
        LBRACKET, RBRACKET, LPAREN, RPAREN, COMMA, OPERATOR, STRING, INTEGER, FLOAT, TYPED_LITERAL, WORD, PATH, END
    }

    boolean is(Kind expected) {
        return kind == expected;
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    /** How a reason names the token. */
    String describe() {
        return switch (kind) {
            case END -> "end of pattern";
            case STRING -> "string";
            case PATH -> "path " + Json.shorten(text);
            default -> "'" + Json.shorten(text) + "'";
        };
    }
}
