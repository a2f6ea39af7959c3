package io.threatingest.domain.screening;

import java.util.Arrays;

/**
 * A hash table from byte strings (UTF-8) to an int, built for millions of keys with little memory: the keys lie end
 * to end in one byte array, each slot of the table holds the key's hash and its entry number (open addressing,
 * linear probing, at most 3/4 full), so that a probe reads a key only when the hashes agree. About the key's length
 * plus 19 bytes per entry; no object per entry.
 */
final class NameTable {

    private byte[] arena = new byte[256];
    private int used;
    private int[] starts = new int[17];
    private int[] values = new int[16];
    private int size;
    private long[] slots = new long[32];
    private int mask = 31;

    int size() {
        return size;
    }

    /** The value stored for {@code key[from, to)}, or {@link ListSets#NONE}. */
    int get(byte[] key, int from, int to) {
        int hash = hash(key, from, to);
        return get(hash, first(hash), key, from, to);
    }

    /**
     * The first slot a key of this hash is looked for in. A caller with several keys to look up reads all their
     * first slots before comparing any: the loads do not depend on each other, so the processor fetches them from
     * memory together instead of one after the other (the table is far larger than its caches at millions of keys).
     */
    long first(int hash) {
        return slots[hash & mask];
    }

    /** {@link #get(byte[], int, int)} for a key whose hash and first slot ({@link #first}) are known. */
    int get(int hash, long first, byte[] key, int from, int to) {
        long at = first;
        for (int slot = hash & mask; at != 0; at = slots[slot]) {
            int entry = (int) at;
            if ((int) (at >>> 32) == hash && same(entry - 1, key, from, to)) {
                return values[entry - 1];
            }
            slot = (slot + 1) & mask;
        }
        return ListSets.NONE;
    }

    /** Stores {@code value} for the key, or the union of it and the value already there. */
    void put(byte[] key, int from, int to, int value, ListSets sets) {
        int hash = hash(key, from, to);
        int slot = hash & mask;
        for (;; slot = (slot + 1) & mask) {
            long at = slots[slot];
            if (at == 0) {
                break;
            }
            int entry = (int) at;
            if ((int) (at >>> 32) == hash && same(entry - 1, key, from, to)) {
                values[entry - 1] = sets.union(values[entry - 1], value);
                return;
            }
        }
        int length = to - from;
        if (used + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + length));
        }
        System.arraycopy(key, from, arena, used, length);
        used += length;
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            starts = Arrays.copyOf(starts, size * 2 + 1);
        }
        values[size] = value;
        starts[size + 1] = used;
        size++;
        slots[slot] = ((long) hash << 32) | size;
        if (size * 4L > slots.length * 3L) {
            grow();
        }
    }

    /** Drops the spare room the arrays grew with. */
    void trim() {
        arena = Arrays.copyOf(arena, used);
        starts = Arrays.copyOf(starts, size + 1);
        values = Arrays.copyOf(values, size);
    }

    /** Bytes held, for the memory figures. */
    long bytes() {
        return arena.length + 4L * starts.length + 4L * values.length + 8L * slots.length;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        int biggerMask = bigger.length - 1;
        for (long at : slots) {
            if (at == 0) {
                continue;
            }
            int slot = (int) (at >>> 32) & biggerMask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & biggerMask;
            }
            bigger[slot] = at;
        }
        slots = bigger;
        mask = biggerMask;
    }

    private boolean same(int entry, byte[] key, int from, int to) {
        int start = starts[entry];
        return starts[entry + 1] - start == to - from && Arrays.equals(arena, start, starts[entry + 1], key, from, to);
    }

    static int hash(byte[] key, int from, int to) {
        return finish(extend(SEED, key, from, to));
    }

    static final int SEED = 0x811c9dc5;

    /**
     * FNV-1a over {@code key[from, to)} from its last byte to its first, on from {@code h}: the hashes of a host
     * name's every parent name ({@code a.b.c}, {@code b.c}, {@code c}) come out of one pass from the right.
     */
    static int extend(int h, byte[] key, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            h = (h ^ key[i]) * 0x01000193;
        }
        return h;
    }

    static int finish(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
