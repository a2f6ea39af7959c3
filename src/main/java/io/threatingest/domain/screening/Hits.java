package io.threatingest.domain.screening;

import java.util.Arrays;

/** The lists one value matched, without duplicates, gathered during one lookup (not shared between threads). */
final class Hits {

    private int[] lists = new int[4];
    private int size;

    void add(int list) {
        for (int i = 0; i < size; i++) {
            if (lists[i] == list) {
                return;
            }
        }
        if (size == lists.length) {
            lists = Arrays.copyOf(lists, size * 2);
        }
        lists[size++] = list;
    }

    /** Adds the lists of an interned value. */
    void addValue(int value, ListSets sets) {
        if (value == ListSets.NONE) {
            return;
        }
        if (value >= 0) {
            add(value);
            return;
        }
        for (int list : sets.members(value)) {
            add(list);
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    int[] toArray() {
        int[] sorted = Arrays.copyOf(lists, size);
        if (size > 1) {
            Arrays.sort(sorted);
        }
        return sorted;
    }
}
