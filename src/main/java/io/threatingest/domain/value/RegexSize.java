package io.threatingest.domain.value;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A one-pass estimate of the program size Go's regexp parser computes ({@code calcSize}): literals count one,
 * a capture or star adds two, plus or quest one, alternation one per branch, and {@code x{n,m}} counts
 * {@code m} copies of {@code x}. Syntax errors are left to the real compiler.
 */
final class RegexSize {

    private RegexSize() {
    }

    /** One open group: the size of its finished alternatives, its current branch, and its last atom. */
    private static final class Group {

        final boolean capture;
        long alternatives;
        int branches = 1;
        long branch;
        long lastAtom;

        Group(boolean capture) {
            this.capture = capture;
        }

        void atom(long size) {
            branch += size;
            lastAtom = size;
        }

        /** Replaces the last atom by its repeated form. */
        void repeat(long repeatedSize) {
            branch += repeatedSize - lastAtom;
            lastAtom = repeatedSize;
        }

        long close() {
            long size = alternatives + branch + (branches - 1);
            return Math.max(1, size) + (capture ? 2 : 0);
        }
    }

    static void check(String re, int maxDepth, long maxSize) throws InvalidValueException {
        Deque<Group> stack = new ArrayDeque<>();
        stack.push(new Group(false));
        int n = re.length();
        for (int i = 0; i < n; i++) {
            char c = re.charAt(i);
            Group group = stack.peek();
            switch (c) {
                case '\\' :
                    if (i + 1 < n && re.charAt(i + 1) == 'Q') {
                        int end = re.indexOf("\\E", i + 2);
                        int stop = end < 0 ? n : end;
                        group.atom(Math.max(1, stop - (i + 2)));
                        i = end < 0 ? n : end + 1;
                    } else {
                        i = skipEscape(re, i);
                        group.atom(1);
                    }
                    break;
                case '[' :
                    i = skipClass(re, i);
                    group.atom(1);
                    break;
                case '(' :
                    boolean capture = true;
                    if (i + 1 < n && re.charAt(i + 1) == '?') {
                        int j = i + 2;
                        boolean named = j < n && (re.charAt(j) == 'P' || re.charAt(j) == '<');
                        while (j < n && re.charAt(j) != ':' && re.charAt(j) != ')' && !(named && re.charAt(j) == '>')) {
                            j++;
                        }
                        if (named) {
                            i = j;
                        } else if (j < n && re.charAt(j) == ')') {
                            i = j;
                            break;
                        } else {
                            capture = false;
                            i = j;
                        }
                    }
                    stack.push(new Group(capture));
                    if (stack.size() > maxDepth + 1) {
                        throw new InvalidValueException("error parsing regexp: expression nests too deeply");
                    }
                    break;
                case ')' :
                    if (stack.size() > 1) {
                        long size = stack.pop().close();
                        stack.peek().atom(size);
                    }
                    break;
                case '|' :
                    group.alternatives += group.branch;
                    group.branch = 0;
                    group.lastAtom = 0;
                    group.branches++;
                    break;
                case '*' :
                    group.repeat(2 + group.lastAtom);
                    break;
                case '+' :
                case '?' :
                    if (i > 0 && "*+?}".indexOf(re.charAt(i - 1)) >= 0 && c == '?') {
                        break; // non-greedy marker
                    }
                    group.repeat(1 + group.lastAtom);
                    break;
                case '{' :
                    int close = closingBrace(re, i);
                    long[] bounds = close < 0 ? null : bounds(re, i + 1, close);
                    if (bounds == null) {
                        group.atom(1);
                    } else {
                        long min = bounds[0];
                        long max = bounds[1];
                        long sub = group.lastAtom;
                        long size = max < 0 ? (min == 0 ? 2 + sub : 1 + min * sub) : max * sub + (max - min);
                        group.repeat(size);
                        i = close;
                    }
                    break;
                default :
                    group.atom(1);
            }
            // Sizes grow by multiplication only at repetitions, whose result lands in the current group.
            Group current = stack.peek();
            if (current.alternatives + current.branch > maxSize) {
                throw new InvalidValueException("error parsing regexp: expression too large");
            }
        }
    }

    /** The '}' closing a counted repetition that starts at {@code open}, looked for within 20 characters. */
    private static int closingBrace(String re, int open) {
        int limit = Math.min(re.length(), open + 21);
        for (int j = open + 1; j < limit; j++) {
            if (re.charAt(j) == '}') {
                return j;
            }
        }
        return -1;
    }

    /** {min,max} of {@code re[from, to)} as a counted repetition ({@code max} -1 when open), or null. */
    private static long[] bounds(String re, int from, int to) {
        long min = 0;
        long max = -2;
        int digits = 0;
        for (int j = from; j < to; j++) {
            char c = re.charAt(j);
            if (c >= '0' && c <= '9') {
                if (max == -2) {
                    min = min * 10 + (c - '0');
                } else {
                    max = (max < 0 ? 0 : max) * 10 + (c - '0');
                }
                digits++;
            } else if (c == ',' && max == -2 && digits > 0) {
                max = -1;
            } else {
                return null;
            }
        }
        if (digits == 0) {
            return null;
        }
        return new long[]{ min, max == -2 ? min : max };
    }

    private static int skipEscape(String re, int i) {
        if (i + 1 >= re.length()) {
            return i;
        }
        char next = re.charAt(i + 1);
        if ((next == 'p' || next == 'P' || next == 'x') && i + 2 < re.length() && re.charAt(i + 2) == '{') {
            int end = re.indexOf('}', i + 3);
            return end < 0 ? re.length() - 1 : end;
        }
        return i + 1;
    }

    private static int skipClass(String re, int i) {
        int j = i + 1;
        if (j < re.length() && re.charAt(j) == '^') {
            j++;
        }
        if (j < re.length() && re.charAt(j) == ']') {
            j++;
        }
        while (j < re.length() && re.charAt(j) != ']') {
            if (re.charAt(j) == '\\') {
                j++;
            } else if (re.charAt(j) == '[' && j + 1 < re.length() && re.charAt(j + 1) == ':') {
                // A POSIX class name is short: look for its ":]" within 12 characters only.
                int limit = Math.min(re.length() - 1, j + 14);
                for (int k = j + 2; k < limit; k++) {
                    if (re.charAt(k) == ':' && re.charAt(k + 1) == ']') {
                        j = k + 1;
                        break;
                    }
                }
            }
            j++;
        }
        return Math.min(j, re.length() - 1);
    }
}
