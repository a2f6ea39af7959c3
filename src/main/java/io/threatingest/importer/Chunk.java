package io.threatingest.importer;

/**
 * One request's worth of a file.
 *
 * @param index position of the chunk in its file, from 0
 * @param body the bytes sent
 * @param items what the chunk holds: lines, objects or events, for progress
 * @param sourceBytes bytes of the file the chunk stands for, for the time-left estimate
 * @param where the part of the file, for the rejects file ("lines 1-1000", "/response/3")
 * @param origin how the answer's items map back to the file
 */
record Chunk(int index, byte[] body, int items, long sourceBytes, String where, Origin origin) {

    /**
     * @param lines NDJSON: the file line of each non-blank line of the chunk (the batch answer's index)
     * @param objects STIX: the file's object index of each object of the chunk
     * @param primary STIX: whether the chunk reports the object (objects copied into several chunks report once)
     * @param pointerFrom MISP: the pointer prefix the answer uses, replaced by {@code pointerTo}
     */
    record Origin(int[] lines, int[] objects, boolean[] primary, String pointerFrom, String pointerTo) {

        static final Origin NONE = new Origin(null, null, null, null, null);
    }
}
