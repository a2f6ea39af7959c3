package io.threatingest.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs groups of objects, in order, into chunks of at most so many objects and bytes; a group that does not fit
 * in what is left of a chunk starts the next one, and a group larger than a chunk is cut in document order.
 */
final class StixPacker {

    private final int[] sizes;
    private final int maxObjects;
    private final long maxBytes;
    private final List<List<Integer>> packed = new ArrayList<>();
    private List<Integer> current = new ArrayList<>();
    private long currentBytes;

    /** @param sizes each object's bytes in a chunk's body */
    StixPacker(int[] sizes, int maxObjects, long maxBytes) {
        this.sizes = sizes;
        this.maxObjects = maxObjects;
        this.maxBytes = maxBytes;
    }

    List<List<Integer>> pack(List<List<Integer>> groups) {
        for (List<Integer> group : groups) {
            if (!fits(group.size(), bytes(group))) {
                closeChunk();
            }
            for (int i : group) {
                if (!fits(1, sizes[i])) {
                    closeChunk();
                }
                current.add(i);
                currentBytes += sizes[i];
            }
        }
        closeChunk();
        return packed;
    }

    private long bytes(List<Integer> group) {
        long bytes = 0;
        for (int i : group) {
            bytes += sizes[i];
        }
        return bytes;
    }

    private boolean fits(int objects, long bytes) {
        return current.isEmpty() || current.size() + objects <= maxObjects && currentBytes + bytes <= maxBytes;
    }

    private void closeChunk() {
        if (!current.isEmpty()) {
            packed.add(current);
            current = new ArrayList<>();
            currentBytes = 0;
        }
    }
}
