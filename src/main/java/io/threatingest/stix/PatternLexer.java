package io.threatingest.stix;

import java.util.ArrayList;
import java.util.List;

import io.threatingest.stix.PatternToken.Kind;

/** Splits a STIX pattern into tokens, one character at a time, each character looked at once. */
final class PatternLexer {

    private final String pattern;
    private int position;

    PatternLexer(String pattern) {
        this.pattern = pattern;
    }

    PatternToken next() {
        while (position < pattern.length() && isSpace(pattern.charAt(position))) {
            position++;
        }
        int start = position;
        if (position >= pattern.length()) {
            return new PatternToken(Kind.END, "", start, null);
        }
        char c = pattern.charAt(position);
        switch (c) {
            case '[' :
                position++;
                return new PatternToken(Kind.LBRACKET, "[", start, null);
            case ']' :
                position++;
                return new PatternToken(Kind.RBRACKET, "]", start, null);
            case '(' :
                position++;
                return new PatternToken(Kind.LPAREN, "(", start, null);
            case ')' :
                position++;
                return new PatternToken(Kind.RPAREN, ")", start, null);
            case ',' :
                position++;
                return new PatternToken(Kind.COMMA, ",", start, null);
            case '\'' :
                return new PatternToken(Kind.STRING, string(), start, null);
            case '=', '!', '<', '>' :
                return operator(start);
            default :
                break;
        }
        if (isDigit(c) || ((c == '-' || c == '+') && position + 1 < pattern.length()
                && isDigit(pattern.charAt(position + 1)))) {
            return number(start);
        }
        if (isWordStart(c)) {
            return word(start);
        }
        throw new PatternException("unexpected character '" + c + "' at offset " + start);
    }

    private PatternToken operator(int start) {
        char c = pattern.charAt(position++);
        if (position < pattern.length() && pattern.charAt(position) == '='
                || c == '<' && position < pattern.length() && pattern.charAt(position) == '>') {
            position++;
        }
        String operator = pattern.substring(start, position);
        if (operator.equals("!")) {
            throw new PatternException("unexpected character '!' at offset " + start);
        }
        return new PatternToken(Kind.OPERATOR, operator, start, null);
    }

    private PatternToken number(int start) {
        position++;
        while (position < pattern.length() && isDigit(pattern.charAt(position))) {
            position++;
        }
        Kind kind = Kind.INTEGER;
        if (position + 1 < pattern.length() && pattern.charAt(position) == '.'
                && isDigit(pattern.charAt(position + 1))) {
            kind = Kind.FLOAT;
            position++;
            while (position < pattern.length() && isDigit(pattern.charAt(position))) {
                position++;
            }
        }
        return new PatternToken(kind, pattern.substring(start, position), start, null);
    }

    /** A keyword, a typed literal ({@code t'...'}, {@code h'...'}, {@code b'...'}) or an object path. */
    private PatternToken word(int start) {
        String word = name();
        if (position < pattern.length() && pattern.charAt(position) == '\'') {
            if (word.equals("t") || word.equals("h") || word.equals("b")) {
                string();
                return new PatternToken(Kind.TYPED_LITERAL, word + "'…'", start, null);
            }
            throw new PatternException("unexpected quote after '" + Json.shorten(word) + "' at offset " + position);
        }
        if (position >= pattern.length() || pattern.charAt(position) != ':') {
            return new PatternToken(Kind.WORD, word, start, null);
        }
        position++;
        List<String> steps = new ArrayList<>();
        steps.add(step());
        while (position < pattern.length()) {
            char c = pattern.charAt(position);
            if (c == '.') {
                position++;
                steps.add(step());
            } else if (c == '[') {
                steps.add(index());
            } else {
                break;
            }
        }
        return new PatternToken(Kind.PATH, pattern.substring(start, position), start,
                new ObjectPath(word, steps, pattern.substring(start, position)));
    }

    private String step() {
        if (position < pattern.length() && pattern.charAt(position) == '\'') {
            return string();
        }
        if (position < pattern.length() && isWordStart(pattern.charAt(position))) {
            return name();
        }
        throw new PatternException("expected a property name at offset " + position);
    }

    private String index() {
        int start = position++;
        if (position < pattern.length() && pattern.charAt(position) == '*') {
            position++;
        } else {
            while (position < pattern.length() && isDigit(pattern.charAt(position))) {
                position++;
            }
        }
        if (position == start + 1 || position >= pattern.length() || pattern.charAt(position) != ']') {
            throw new PatternException("malformed list index at offset " + start);
        }
        position++;
        return pattern.substring(start, position);
    }

    private String name() {
        int start = position;
        while (position < pattern.length() && isWordPart(pattern.charAt(position))) {
            position++;
        }
        return pattern.substring(start, position);
    }

    /** A quoted string; only {@code \'} and {@code \\} are escapes. */
    private String string() {
        int start = position++;
        StringBuilder text = new StringBuilder();
        while (position < pattern.length()) {
            char c = pattern.charAt(position++);
            if (c == '\'') {
                return text.toString();
            }
            if (c == '\\') {
                if (position >= pattern.length()) {
                    break;
                }
                char escaped = pattern.charAt(position++);
                if (escaped != '\'' && escaped != '\\') {
                    throw new PatternException("invalid escape '\\" + escaped + "' at offset " + (position - 2));
                }
                c = escaped;
            }
            text.append(c);
        }
        throw new PatternException("unterminated string starting at offset " + start);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c) || c == '-';
    }
}
