package io.threatingest.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** STIX 2.1 bundles to {@code /stix}; an object copied into several chunks is booked once. */
class StixSender extends PostingSender {

    StixSender(SendContext context) {
        super(context, Format.STIX, "");
    }

    @Override
    protected boolean reports(Chunk chunk, Answers.Item item) {
        boolean[] primary = chunk.origin().primary();
        return primary == null || item.index() < 0 || item.index() >= primary.length || primary[item.index()];
    }

    /** The object's id and type, and its pointer in the file's bundle. */
    @Override
    protected void describe(ObjectNode line, Chunk chunk, Answers.Item item) {
        int[] objects = chunk.origin().objects();
        line.put("ref", item.ref());
        line.put("kind", item.kind());
        if (objects != null && item.index() >= 0 && item.index() < objects.length) {
            line.put("pointer", "/objects/" + objects[item.index()]);
        } else {
            line.put("pointer", item.pointer());
        }
    }
}
