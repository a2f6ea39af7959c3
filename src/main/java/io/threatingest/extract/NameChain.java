package io.threatingest.extract;

/**
 * Words joined by dots and at signs, plain or defanged ({@code evil[.]example.com}, {@code user[at]example.com},
 * {@code 198.51.100[.]7}), read as far as it goes. Only what the classification needs is kept (the first words,
 * the last word, where the at sign is), so memory stays bounded however long the chain.
 */
final class NameChain {

    /** How many leading words are remembered: enough for an IPv4 address and one more. */
    static final int KEPT = 5;

    final int start;
    int end;
    int words;
    int atSigns;
    /** Offset of the first word after the last at sign. */
    int afterAt = -1;
    boolean defanged;
    final int[] wordStart = new int[KEPT];
    final int[] wordEnd = new int[KEPT];
    int lastStart;
    int lastEnd;

    private NameChain(int start) {
        this.start = start;
    }

    /** The chain starting with the word at {@code start}, which must be a word character. */
    static NameChain read(CharSequence text, int start) {
        NameChain chain = new NameChain(start);
        int n = text.length();
        int p = start;
        while (true) {
            int wordStart = p;
            while (p < n && Chars.isAtomAt(text, p)) {
                p += Chars.width(text, p);
            }
            chain.word(wordStart, p);
            Separator separator = Separator.joiner(text, p);
            if (separator == null || separator.end() >= n || !Chars.isAtomAt(text, separator.end())) {
                return chain;
            }
            if (separator.kind() == Separator.Kind.AT) {
                chain.atSigns++;
                chain.afterAt = separator.end();
            }
            chain.defanged |= separator.defanged();
            p = separator.end();
        }
    }

    private void word(int from, int to) {
        if (words < KEPT) {
            wordStart[words] = from;
            wordEnd[words] = to;
        }
        words++;
        lastStart = from;
        lastEnd = to;
        end = to;
    }

    int length(int word) {
        return wordEnd[word] - wordStart[word];
    }
}
