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

    private Substrings(long[] keys, int[] targets, int[] fail, int[] outputs, ListSets sets) {
        this.keys = keys;
        this.targets = targets;
        this.mask = keys.length - 1;
        this.fail = fail;
        this.outputs = outputs;
        this.sets = sets;
    }

    long bytes() {
        return 12L * keys.length + 8L * fail.length;
    }

    /** Adds to {@code found} every list with an entry inside {@code text}. */
    void find(String text, Hits found) {
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int next;
            while ((next = next(state, c)) < 0 && state != 0) {
                state = fail[state];
            }
            state = next < 0 ? 0 : next;
            if (outputs[state] != ListSets.NONE) {
                found.addValue(outputs[state], sets);
            }
        }
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
            Substrings automaton = new Substrings(keys, targets, fail, out, sets);
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(0);
            while (!queue.isEmpty()) {
                int state = queue.poll();
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
            return automaton;
        }
    }
}
