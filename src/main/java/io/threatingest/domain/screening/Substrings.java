package io.threatingest.domain.screening;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Substring lists: an Aho-Corasick automaton over UTF-16 units, so that a value is scanned once whatever the number
 * of entries (time linear in the value's length plus the matches). Transitions live in one open-addressing table
 * keyed by state and character.
 */
final class Substrings {

    private final long[] keys;
    private final int[] targets;
    private final int mask;
    private final int[] fail;
    private final int[] outputs;
    private final ListSets sets;
    /**
     * For the shallowest {@link #DENSE_STATES} states (states are numbered breadth first), the complete transition
     * on every ASCII character, failure links followed in advance, at {@code state * 128 + c}: one array read per
     * character instead of a hash probe or several. A text that matches nothing stays in shallow states most of the
     * time; deeper states and other characters take the hash table.
     */
    private final int[] ascii;
    private final int denseStates;

    /** At most 2 MiB of dense transitions per automaton. */
    static final int DENSE_STATES = 4_096;

    private Substrings(long[] keys, int[] targets, int[] fail, int[] outputs, ListSets sets, int[] ascii) {
        this.ascii = ascii;
        this.denseStates = ascii.length >> 7;
        this.keys = keys;
        this.targets = targets;
        this.mask = keys.length - 1;
        this.fail = fail;
        this.outputs = outputs;
        this.sets = sets;
    }

    /** Whether every state reads ASCII characters from the dense table. */
    boolean allDense() {
        return denseStates == fail.length;
    }

    long bytes() {
        return 12L * keys.length + 8L * fail.length + 4L * ascii.length;
    }

    /** Adds to {@code found} every list with an entry inside {@code text}. */
    void find(String text, Hits found) {
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            state = c < 128 && state < denseStates ? ascii[(state << 7) | c] : step(state, c);
            if (outputs[state] != ListSets.NONE) {
                found.addValue(outputs[state], sets);
            }
        }
    }

    /** The state after {@code c}, following failure links until a state has a transition on it (or the root). */
    private int step(int state, char c) {
        int next;
        while ((next = next(state, c)) < 0 && state != 0) {
            state = fail[state];
        }
        return next < 0 ? 0 : next;
    }

    private int next(int state, char c) {
        long key = ((long) state << 16) | c;
        for (int slot = mix(key) & mask;; slot = (slot + 1) & mask) {
            long at = keys[slot];
            if (at == -1) {
                return -1;
            }
            if (at == key) {
                return targets[slot];
            }
        }
    }

    private static int mix(long key) {
        key ^= key >>> 33;
        key *= 0xff51afd7ed558ccdL;
        key ^= key >>> 33;
        return (int) key;
    }

    static final class Builder {

        private final Map<Long, Integer> edges = new HashMap<>();
        private int[] outputs = new int[]{ ListSets.NONE };
        private int states = 1;

        void add(String entry, int list, ListSets sets) {
            if (entry.isEmpty()) {
                return;
            }
            int state = 0;
            for (int i = 0; i < entry.length(); i++) {
                long key = ((long) state << 16) | entry.charAt(i);
                Integer next = edges.get(key);
                if (next == null) {
                    next = states++;
                    edges.put(key, next);
                    if (states > outputs.length) {
                        int old = outputs.length;
                        outputs = Arrays.copyOf(outputs, old * 2);
                        Arrays.fill(outputs, old, outputs.length, ListSets.NONE);
                    }
                }
                state = next;
            }
            outputs[state] = sets.union(outputs[state], list);
        }

        Substrings build(ListSets sets) {
            int capacity = Integer.highestOneBit(Math.max(4, edges.size() * 2 - 1)) << 1;
            long[] keys = new long[capacity];
            Arrays.fill(keys, -1);
            int[] targets = new int[capacity];
            Map<Integer, StringBuilder> children = new HashMap<>();
            for (Map.Entry<Long, Integer> edge : edges.entrySet()) {
                long key = edge.getKey();
                for (int slot = mix(key) & (capacity - 1);; slot = (slot + 1) & (capacity - 1)) {
                    if (keys[slot] == -1) {
                        keys[slot] = key;
                        targets[slot] = edge.getValue();
                        break;
                    }
                }
                children.computeIfAbsent((int) (key >>> 16), s -> new StringBuilder()).append((char) key);
            }
            int[] out = Arrays.copyOf(outputs, states);
            int[] fail = new int[states];
            Substrings automaton = new Substrings(keys, targets, fail, out, sets, new int[0]);
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            int[] order = new int[states];
            int ordered = 0;
            queue.add(0);
            while (!queue.isEmpty()) {
                int state = queue.poll();
                order[ordered++] = state;
                StringBuilder labels = children.get(state);
                if (labels == null) {
                    continue;
                }
                for (int i = 0; i < labels.length(); i++) {
                    char c = labels.charAt(i);
                    int child = automaton.next(state, c);
                    if (state != 0) {
                        int f = fail[state];
                        int next;
                        while ((next = automaton.next(f, c)) < 0 && f != 0) {
                            f = fail[f];
                        }
                        fail[child] = next < 0 || next == child ? 0 : next;
                        out[child] = sets.union(out[child], out[fail[child]]);
                    }
                    queue.add(child);
                }
            }
            return breadthFirst(automaton, order, capacity);
        }

        /**
         * The same automaton with its states numbered in breadth-first order (a state's failure state, shallower,
         * comes before it), and the dense table of the first {@link #DENSE_STATES}.
         */
        private Substrings breadthFirst(Substrings automaton, int[] order, int capacity) {
            int[] rank = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                rank[order[i]] = i;
            }
            long[] keys = new long[capacity];
            Arrays.fill(keys, -1);
            int[] targets = new int[capacity];
            for (int slot = 0; slot < automaton.keys.length; slot++) {
                long key = automaton.keys[slot];
                if (key == -1) {
                    continue;
                }
                long renamed = ((long) rank[(int) (key >>> 16)] << 16) | (key & 0xffff);
                for (int at = mix(renamed) & (capacity - 1);; at = (at + 1) & (capacity - 1)) {
                    if (keys[at] == -1) {
                        keys[at] = renamed;
                        targets[at] = rank[automaton.targets[slot]];
                        break;
                    }
                }
            }
            int[] fail = new int[order.length];
            int[] out = new int[order.length];
            for (int state = 0; state < order.length; state++) {
                fail[rank[state]] = rank[automaton.fail[state]];
                out[rank[state]] = automaton.outputs[state];
            }
            Substrings renumbered = new Substrings(keys, targets, fail, out, automaton.sets, new int[0]);
            int dense = Math.min(order.length, DENSE_STATES);
            int[] ascii = new int[dense << 7];
            for (int state = 0; state < dense; state++) {
                for (char c = 0; c < 128; c++) {
                    int next = renumbered.next(state, c);
                    ascii[(state << 7) | c] = next >= 0 ? next : state == 0 ? 0 : ascii[(fail[state] << 7) | c];
                }
            }
            return new Substrings(keys, targets, fail, out, automaton.sets, ascii);
        }
    }
}
