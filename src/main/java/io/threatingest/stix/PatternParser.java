package io.threatingest.stix;

import java.util.ArrayList;
import java.util.List;

import io.threatingest.stix.PatternToken.Kind;

/**
 * Reads the equality subset of STIX patterning: observations {@code [...]} holding comparisons {@code path = value}
 * and {@code path IN (...)}, joined by {@code AND}/{@code OR} inside and between observations, with parentheses.
 * The result lists every way the pattern can match, each a conjunction of comparisons that one observation must
 * satisfy. Anything else throws {@link PatternException} naming what was not understood.
 *
 * <p>
 * Work is bounded: nesting deeper than {@value #MAX_DEPTH} and expansions beyond {@value #MAX_SIZE} comparisons
 * are refused, so recursion cannot overflow the stack and {@code AND} over {@code OR}s cannot explode.
 */
final class PatternParser {

    static final int MAX_DEPTH = 100;
    static final int MAX_SIZE = 10_000;

    private final PatternLexer lexer;
    private PatternToken token;
    private int depth;

    private PatternParser(String pattern) {
        this.lexer = new PatternLexer(pattern);
        this.token = lexer.next();
    }

    /** Every way the pattern matches: each a non-empty list of comparisons joined by AND within one observation. */
    static List<List<Comparison>> parse(String pattern) {
        PatternParser parser = new PatternParser(pattern);
        if (parser.token.is(Kind.END)) {
            throw new PatternException("empty pattern");
        }
        List<List<Comparison>> ways = parser.observations();
        if (!parser.token.is(Kind.END)) {
            throw parser.unexpected();
        }
        return ways;
    }

    // Between observations AND and OR both just add their observations' ways: each observation is a separate
    // object, and no entity links observations, so their combinations add nothing.
    private List<List<Comparison>> observations() {
        List<List<Comparison>> ways = observation();
        while (token.isWord("AND") || token.isWord("OR") || token.isWord("FOLLOWEDBY")) {
            if (token.isWord("FOLLOWEDBY")) {
                throw new PatternException("FOLLOWEDBY is not mapped");
            }
            advance();
            ways = union(ways, observation());
        }
        return ways;
    }

    private List<List<Comparison>> observation() {
        List<List<Comparison>> ways;
        if (token.is(Kind.LBRACKET)) {
            enter();
            ways = comparisons();
            expect(Kind.RBRACKET, "']'");
            depth--;
        } else if (token.is(Kind.LPAREN)) {
            enter();
            ways = observations();
            expect(Kind.RPAREN, "')'");
            depth--;
        } else {
            throw unexpected();
        }
        if (token.isWord("WITHIN") || token.isWord("REPEATS") || token.isWord("START")) {
            throw new PatternException("qualifier " + token.text() + " is not mapped");
        }
        return ways;
    }

    private List<List<Comparison>> comparisons() {
        List<List<Comparison>> ways = conjunction();
        while (token.isWord("OR")) {
            advance();
            ways = union(ways, conjunction());
        }
        return ways;
    }

    private List<List<Comparison>> conjunction() {
        List<List<Comparison>> ways = comparison();
        while (token.isWord("AND")) {
            advance();
            ways = product(ways, comparison());
        }
        return ways;
    }

    private List<List<Comparison>> comparison() {
        if (token.is(Kind.LPAREN)) {
            enter();
            List<List<Comparison>> ways = comparisons();
            expect(Kind.RPAREN, "')'");
            depth--;
            return ways;
        }
        if (token.isWord("NOT") || token.isWord("EXISTS")) {
            throw new PatternException(token.text() + " is not mapped");
        }
        if (!token.is(Kind.PATH)) {
            throw unexpected();
        }
        ObjectPath path = token.path();
        advance();
        if (token.isWord("NOT")) {
            throw new PatternException("NOT is not mapped");
        }
        if (token.is(Kind.OPERATOR) && !token.text().equals("=")
                || token.isWord("LIKE") || token.isWord("MATCHES") || token.isWord("ISSUBSET")
                || token.isWord("ISSUPERSET")) {
            throw new PatternException("operator " + token.text() + " is not mapped");
        }
        PatternPaths.check(path);
        List<List<Comparison>> ways = new ArrayList<>();
        if (token.is(Kind.OPERATOR)) {
            advance();
            ways.add(List.of(literal(path)));
        } else if (token.isWord("IN")) {
            advance();
            expect(Kind.LPAREN, "'(' after IN");
            ways.add(List.of(literal(path)));
            while (token.is(Kind.COMMA)) {
                advance();
                ways.add(List.of(literal(path)));
                limit(ways.size());
            }
            expect(Kind.RPAREN, "')' closing IN");
        } else {
            throw unexpected();
        }
        return ways;
    }

    private Comparison literal(ObjectPath path) {
        PatternToken value = token;
        switch (value.kind()) {
            case STRING, INTEGER -> advance();
            case FLOAT -> throw new PatternException("non-integer number " + Json.shorten(value.text())
                    + " is not mapped");
            case TYPED_LITERAL -> throw new PatternException("literal " + value.text() + " is not mapped");
            case WORD -> throw new PatternException(value.text().equals("true") || value.text().equals("false")
                    ? "boolean literal is not mapped"
                    : "expected a value but found " + value.describe()
                            + " at offset " + value.offset());
            default -> throw new PatternException("expected a value but found " + value.describe() + " at offset "
                    + value.offset());
        }
        return new Comparison(path, value.text(), value.is(Kind.INTEGER));
    }

    private static List<List<Comparison>> union(List<List<Comparison>> left, List<List<Comparison>> right) {
        limit(size(left) + size(right));
        left.addAll(right); // every list here is the parser's own
        return left;
    }

    private static List<List<Comparison>> product(List<List<Comparison>> left, List<List<Comparison>> right) {
        limit((long) size(left) * right.size() + (long) size(right) * left.size());
        List<List<Comparison>> ways = new ArrayList<>();
        for (List<Comparison> a : left) {
            for (List<Comparison> b : right) {
                List<Comparison> both = new ArrayList<>(a);
                both.addAll(b);
                ways.add(both);
            }
        }
        return ways;
    }

    private static long size(List<List<Comparison>> ways) {
        long size = 0;
        for (List<Comparison> way : ways) {
            size += way.size();
        }
        return size;
    }

    private static void limit(long size) {
        if (size > MAX_SIZE) {
            throw new PatternException("the pattern expands to more than " + MAX_SIZE + " comparisons");
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new PatternException("nesting deeper than " + MAX_DEPTH + " levels at offset " + token.offset());
        }
        advance();
    }

    private void expect(Kind kind, String what) {
        if (!token.is(kind)) {
            throw new PatternException("expected " + what + " but found " + token.describe() + " at offset "
                    + token.offset());
        }
        advance();
    }

    private PatternException unexpected() {
        return new PatternException("unexpected " + token.describe() + " at offset " + token.offset());
    }

    private void advance() {
        token = lexer.next();
    }
}
