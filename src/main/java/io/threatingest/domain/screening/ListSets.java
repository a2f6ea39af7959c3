package io.threatingest.domain.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sets of lists a key belongs to, interned: a key found in one list only (the usual case) stores that list's
 * index itself; a key found in several stores {@code -(set + 1)}, the set shared by every key with the same lists.
 */
final class ListSets {

    static final int NONE = Integer.MIN_VALUE;
    static final int[] EMPTY = new int[0];

    private final List<int[]> sets = new ArrayList<>();
    private final Map<Key, Integer> interned = new HashMap<>();
    private int[][] frozen;

    /** The value for the union of two values (either may be {@link #NONE}). */
    int union(int a, int b) {
        if (a == NONE) {
            return b;
        }
        if (b == NONE || a == b) {
            return a;
        }
        int[] left = members(a);
        int[] right = members(b);
        int[] merged = new int[left.length + right.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < left.length || j < right.length) {
            int next;
            if (j >= right.length || (i < left.length && left[i] < right[j])) {
                next = left[i++];
            } else if (i >= left.length || right[j] < left[i]) {
                next = right[j++];
            } else {
                next = left[i++];
                j++;
            }
            merged[n++] = next;
        }
        return of(Arrays.copyOf(merged, n));
    }

    /** The value of a sorted set of list indexes. */
    int of(int[] lists) {
        if (lists.length == 0) {
            return NONE;
        }
        if (lists.length == 1) {
            return lists[0];
        }
        Integer known = interned.get(new Key(lists));
        if (known != null) {
            return known;
        }
        sets.add(lists);
        int value = -sets.size();
        interned.put(new Key(lists), value);
        return value;
    }

    /** The list indexes of a value, sorted. */
    int[] members(int value) {
        if (value == NONE) {
            return EMPTY;
        }
        if (value >= 0) {
            return new int[]{ value };
        }
        return frozen != null ? frozen[-value - 1] : sets.get(-value - 1);
    }

    /** Ends building: lookups no longer need the interning map. */
    void freeze() {
        frozen = sets.toArray(new int[0][]);
        interned.clear();
    }

    private record Key(int[] lists) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Arrays.equals(lists, other.lists);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(lists);
        }
    }
}
