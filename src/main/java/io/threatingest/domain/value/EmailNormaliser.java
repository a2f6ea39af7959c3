package io.threatingest.domain.value;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Email} data type: Go lowercase, then exactly one RFC 5322 address as Go's
 * {@code net/mail.ParseAddress} reads it (bare addr-spec, display name with angle address, a group holding one
 * address, comments, quoted local parts, IP domain literals). The normalised value is the bare
 * {@code local@domain}, a quoted local part without its quotes.
 */
public final class EmailNormaliser implements Normaliser {

    public static final EmailNormaliser INSTANCE = new EmailNormaliser();

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        return NormalisedValue.ofText(parse(GoText.lower(Normaliser.requireText(raw))));
    }

    /** The bare address of a single-address text, or the parser's complaint. */
    public static String parse(String text) throws InvalidValueException {
        Parser p = new Parser(text);
        List<String> addresses = p.address(true);
        if (!p.skipCfws()) {
            throw new InvalidValueException("mail: misformatted parenthetical comment");
        }
        if (!p.empty()) {
            throw new InvalidValueException("mail: expected single address");
        }
        if (addresses.isEmpty()) {
            throw new InvalidValueException("mail: empty group");
        }
        if (addresses.size() > 1) {
            throw new InvalidValueException("mail: group with multiple addresses");
        }
        return addresses.get(0);
    }

    private static final class Parser {

        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        boolean empty() {
            return pos >= s.length();
        }

        char peek() {
            return s.charAt(pos);
        }

        boolean consume(char c) {
            if (!empty() && peek() == c) {
                pos++;
                return true;
            }
            return false;
        }

        void skipSpace() {
            while (!empty() && (peek() == ' ' || peek() == '\t')) {
                pos++;
            }
        }

        boolean skipCfws() {
            skipSpace();
            while (consume('(')) {
                if (comment() == null) {
                    return false;
                }
                skipSpace();
            }
            return true;
        }

        /** After '(': the comment text, or null when unbalanced. */
        String comment() {
            int depth = 1;
            StringBuilder text = new StringBuilder();
            while (!empty() && depth != 0) {
                if (peek() == '\\' && s.length() - pos > 1) {
                    pos++;
                } else if (peek() == '(') {
                    depth++;
                } else if (peek() == ')') {
                    depth--;
                }
                if (depth > 0) {
                    text.append(peek());
                }
                pos++;
            }
            return depth == 0 ? text.toString() : null;
        }

        List<String> address(boolean handleGroup) throws InvalidValueException {
            skipSpace();
            if (empty()) {
                throw new InvalidValueException("mail: no address");
            }
            int start = pos;
            try {
                String spec = addrSpec();
                skipSpace();
                if (!empty() && peek() == '(') {
                    displayNameComment();
                }
                return List.of(spec);
            } catch (InvalidValueException notASpec) {
                pos = start;
            }
            String displayName = "";
            if (peek() != '<') {
                displayName = phrase();
            }
            skipSpace();
            if (handleGroup && consume(':')) {
                return groupList();
            }
            if (!consume('<')) {
                boolean atext = displayName.codePoints().allMatch(cp -> isAtext(cp, true));
                throw new InvalidValueException(atext ? "mail: missing '@' or angle-addr" : "mail: no angle-addr");
            }
            String spec = addrSpec();
            if (!consume('>')) {
                throw new InvalidValueException("mail: unclosed angle-addr");
            }
            return List.of(spec);
        }

        List<String> groupList() throws InvalidValueException {
            List<String> group = new ArrayList<>();
            skipSpace();
            if (consume(';')) {
                if (!skipCfws()) {
                    throw new InvalidValueException("mail: misformatted parenthetical comment");
                }
                return group;
            }
            while (true) {
                skipSpace();
                group.addAll(address(false));
                if (!skipCfws()) {
                    throw new InvalidValueException("mail: misformatted parenthetical comment");
                }
                if (consume(';')) {
                    if (!skipCfws()) {
                        throw new InvalidValueException("mail: misformatted parenthetical comment");
                    }
                    return group;
                }
                if (!consume(',')) {
                    throw new InvalidValueException("mail: expected comma");
                }
            }
        }

        /** local-part "@" domain; restores the position when it fails. */
        String addrSpec() throws InvalidValueException {
            int start = pos;
            try {
                skipSpace();
                if (empty()) {
                    throw new InvalidValueException("mail: no addr-spec");
                }
                String local;
                if (peek() == '"') {
                    local = quotedString();
                    if (local.isEmpty()) {
                        throw new InvalidValueException("mail: empty quoted-string in addr-spec");
                    }
                } else {
                    local = atom(true, false);
                }
                if (!consume('@')) {
                    throw new InvalidValueException("mail: missing @ in addr-spec");
                }
                skipSpace();
                if (empty()) {
                    throw new InvalidValueException("mail: no domain in addr-spec");
                }
                String domain = peek() == '[' ? domainLiteral() : atom(true, false);
                return local + "@" + domain;
            } catch (InvalidValueException e) {
                pos = start;
                throw e;
            }
        }

        String atom(boolean dot, boolean permissive) throws InvalidValueException {
            int start = pos;
            while (!empty()) {
                int cp = s.codePointAt(pos);
                if (!isAtext(cp, dot)) {
                    break;
                }
                pos += Character.charCount(cp);
            }
            if (pos == start) {
                throw new InvalidValueException("mail: invalid string");
            }
            String atom = s.substring(start, pos);
            if (!permissive) {
                if (atom.startsWith(".")) {
                    throw new InvalidValueException("mail: leading dot in atom");
                }
                if (atom.contains("..")) {
                    throw new InvalidValueException("mail: double dot in atom");
                }
                if (atom.endsWith(".")) {
                    throw new InvalidValueException("mail: trailing dot in atom");
                }
            }
            return atom;
        }

        /** At '"': the unquoted, unescaped content. */
        String quotedString() throws InvalidValueException {
            int i = pos + 1;
            StringBuilder content = new StringBuilder();
            boolean escaped = false;
            while (true) {
                if (i >= s.length()) {
                    throw new InvalidValueException("mail: unclosed quoted-string");
                }
                int cp = s.codePointAt(i);
                if (escaped) {
                    if (!isVchar(cp) && !isWsp(cp)) {
                        throw new InvalidValueException("mail: bad character in quoted-string");
                    }
                    content.appendCodePoint(cp);
                    escaped = false;
                } else if (isQtext(cp) || isWsp(cp)) {
                    content.appendCodePoint(cp);
                } else if (cp == '"') {
                    break;
                } else if (cp == '\\') {
                    escaped = true;
                } else {
                    throw new InvalidValueException("mail: bad character in quoted-string");
                }
                i += Character.charCount(cp);
            }
            pos = i + 1;
            return content.toString();
        }

        String domainLiteral() throws InvalidValueException {
            consume('[');
            int start = pos;
            while (true) {
                if (empty()) {
                    throw new InvalidValueException("mail: unclosed domain-literal");
                }
                if (peek() == ']') {
                    break;
                }
                int cp = s.codePointAt(pos);
                if (cp == '[' || cp == ']' || cp == '\\' || !isVchar(cp)) {
                    throw new InvalidValueException("mail: bad character in domain-literal");
                }
                pos += Character.charCount(cp);
            }
            String text = s.substring(start, pos);
            pos++;
            if (IpAddress.parse(text) == null) {
                throw new InvalidValueException("mail: invalid IP address in domain-literal: " + text);
            }
            return "[" + text + "]";
        }

        String phrase() throws InvalidValueException {
            List<String> words = new ArrayList<>();
            InvalidValueException failure = null;
            while (true) {
                if (!words.isEmpty() && !skipCfws()) {
                    throw new InvalidValueException("mail: misformatted parenthetical comment");
                }
                skipSpace();
                if (empty()) {
                    break;
                }
                try {
                    if (peek() == '"') {
                        words.add(quotedString());
                    } else {
                        String word = atom(true, true);
                        checkEncodedWord(word);
                        words.add(word);
                    }
                } catch (InvalidValueException e) {
                    failure = e;
                    break;
                }
            }
            if (failure != null && words.isEmpty()) {
                throw new InvalidValueException("mail: missing word in phrase: " + failure.getMessage());
            }
            return String.join(" ", words);
        }

        void displayNameComment() throws InvalidValueException {
            consume('(');
            String comment = comment();
            if (comment == null) {
                throw new InvalidValueException("mail: misformatted parenthetical comment");
            }
            for (String word : comment.split("[ \t]+")) {
                checkEncodedWord(word);
            }
        }
    }

    /**
     * An RFC 2047 encoded word that decodes but names a character set Go's decoder does not know makes the
     * address invalid; anything else that is not a well-formed encoded word is plain text.
     */
    static void checkEncodedWord(String word) throws InvalidValueException {
        if (word.length() < 8 || !word.startsWith("=?") || !word.endsWith("?=")
                || word.chars().filter(c -> c == '?').count() != 4) {
            return;
        }
        String[] parts = word.substring(2, word.length() - 2).split("\\?", -1);
        String charset = parts[0];
        if (charset.isEmpty() || parts[1].length() != 1) {
            return;
        }
        char encoding = parts[1].charAt(0);
        String text = parts[2];
        if (encoding == 'b' || encoding == 'B') {
            try {
                if (text.length() % 4 != 0) {
                    return;
                }
                Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                return;
            }
        } else if (encoding == 'q' || encoding == 'Q') {
            if (!validQ(text)) {
                return;
            }
        } else {
            return;
        }
        String known = charset.toLowerCase(Locale.ROOT);
        if (!known.equals("utf-8") && !known.equals("iso-8859-1") && !known.equals("us-ascii")) {
            throw new InvalidValueException("mail: missing word in phrase: charset not supported: \"" + charset + "\"");
        }
    }

    private static boolean validQ(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                if (i + 2 >= text.length() || !isHexDigit(text.charAt(i + 1)) || !isHexDigit(text.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if ((c < ' ' || c > '~') && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isAtext(int cp, boolean dot) {
        if (cp == '.') {
            return dot;
        }
        if ("()<>[]:;@\\,\"".indexOf(cp) >= 0) {
            return false;
        }
        return isVchar(cp);
    }

    static boolean isVchar(int cp) {
        return (cp >= '!' && cp <= '~') || cp >= 0x80;
    }

    private static boolean isQtext(int cp) {
        return cp != '\\' && cp != '"' && isVchar(cp);
    }

    private static boolean isWsp(int cp) {
        return cp == ' ' || cp == '\t';
    }
}
