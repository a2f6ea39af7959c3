package io.threatingest.importer;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Text and CSV to {@code /extract} (with reputation and tags), NDJSON entity trees to {@code /batch}. */
final class LineFormatSender extends PostingSender {

    LineFormatSender(SendContext context, Format format, String query) {
        super(context, format, query);
    }

    @Override
    protected void describe(ObjectNode line, Chunk chunk, Answers.Item item) {
        if (format == Format.NDJSON) {
            int[] lines = chunk.origin().lines();
            if (lines != null && item.index() >= 0 && item.index() < lines.length) {
                line.put("line", lines[item.index()]);
            }
            line.put("item", item.index());
        } else {
            line.put("where", chunk.where());
            line.put("type", item.kind());
            line.put("value", item.value());
            line.put("found", item.ref());
        }
    }

    /** NDJSON: the lines sent again are answered in their order; text and CSV: by the indicator found. */
    @Override
    protected List<Answers.Item> pair(List<Answers.Item> unavailable, List<Answers.Item> again) {
        if (format != Format.NDJSON) {
            return pairByKey(unavailable, again, item -> item.kind() + "\n" + item.value());
        }
        List<Answers.Item> paired = new ArrayList<>();
        for (int i = 0; i < unavailable.size(); i++) {
            paired.add(i < again.size() ? again.get(i) : null);
        }
        return paired;
    }
}
