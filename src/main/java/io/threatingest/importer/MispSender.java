package io.threatingest.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** MISP events to {@code /misp}, one event or run of attributes per request. */
final class MispSender extends PostingSender {

    MispSender(SendContext context) {
        super(context, Format.MISP, "");
    }

    /** The attribute's or object's uuid and type, and its pointer in the file. */
    @Override
    protected void describe(ObjectNode line, Chunk chunk, Answers.Item item) {
        line.put("ref", item.ref());
        line.put("kind", item.kind());
        line.put("pointer", MispChunker.filePointer(chunk, item.pointer()));
    }
}
