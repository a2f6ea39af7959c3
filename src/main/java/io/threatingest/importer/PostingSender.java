package io.threatingest.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Posts each chunk to the format's endpoint of the service and books the items of the answer. Items a 202
 * reported unavailable are sent once more in a request of their own (its own key, derived from the chunk's), then
 * booked as that answer says; those still unavailable go to the rejects file. Subclasses say how an item is
 * described in the rejects file and how the second answer's items pair with the first's.
 */
abstract class PostingSender implements ChunkSender {

    protected final SendContext context;
    protected final Format format;
    private final String query;

    PostingSender(SendContext context, Format format, String query) {
        this.context = context;
        this.format = format;
        this.query = query;
    }

    @Override
    public String destination() {
        return format.path;
    }

    @Override
    public final String send(SourceFile file, Chunker chunker, Chunk chunk)
            throws Sender.Unreachable, InterruptedException, IOException {
        if (format != Format.NDJSON && chunk.origin() == Chunk.Origin.NONE && LineChunker.blank(chunk.body())) {
            context.booking().skippedChunk();
            return null; // blank lines only: nothing to find
        }
        String key = IdempotencyKeys.key(file.sha256(), format, keyQuery(query), chunk);
        Sender.Answer answer = post(chunk.body(), key);
        context.booking().answeredChunk(answer);
        String stop = stopReason(answer);
        if (stop != null) {
            return stop;
        }
        List<Answers.Item> items = items(chunk.body(), answer);
        if (items == null || !(answer.status() / 100 == 2 || answer.status() == 400 || answer.status() == 503)) {
            context.booking().refusedChunk(file.path(), chunk, "HTTP " + answer.status() + ": " + refusal(answer));
            return null;
        }
        List<Answers.Item> unavailable = bookReported(file.path(), chunk, items);
        if (!unavailable.isEmpty()) {
            retryUnavailable(file.path(), chunker, chunk, key, unavailable);
        }
        return null;
    }

    /** Books the items the chunk reports; returns those unavailable, booked only once sent again. */
    private List<Answers.Item> bookReported(Path file, Chunk chunk, List<Answers.Item> items) throws IOException {
        List<Answers.Item> unavailable = new ArrayList<>();
        for (Answers.Item item : items) {
            if (!reports(chunk, item)) {
                continue;
            }
            context.booking().sentItem();
            if (Answers.UNAVAILABLE.equals(item.status())) {
                unavailable.add(item);
            } else {
                book(file, chunk, item, item.status(), item.reason());
            }
        }
        return unavailable;
    }

    private void retryUnavailable(Path file, Chunker chunker, Chunk chunk, String key,
            List<Answers.Item> unavailable) throws Sender.Unreachable, InterruptedException, IOException {
        List<Answers.Item> retried = pair(unavailable, sendAgain(file, chunker, chunk, key, unavailable));
        for (int i = 0; i < unavailable.size(); i++) {
            Answers.Item item = unavailable.get(i);
            if (retried.get(i) == null) {
                book(file, chunk, item, Answers.UNAVAILABLE,
                        item.reason() == null ? "the broker did not take it" : item.reason());
            } else {
                book(file, chunk, item, retried.get(i).status(), retried.get(i).reason());
            }
        }
    }

    /** The items of the answer to the unavailable items sent once more; none when they cannot be sent alone. */
    private List<Answers.Item> sendAgain(Path file, Chunker chunker, Chunk chunk, String key,
            List<Answers.Item> unavailable) throws Sender.Unreachable, InterruptedException, IOException {
        byte[] body = chunker.retryBody(chunk, unavailable);
        if (body == null) {
            return List.of();
        }
        context.progress().notice(unavailable.size() + " items of chunk " + chunk.index() + " of " + file
                + " were unavailable; sending them once more");
        List<Answers.Item> items = items(body, post(body, IdempotencyKeys.retryKey(key, body)));
        return items == null ? List.of() : items;
    }

    private void book(Path file, Chunk chunk, Answers.Item item, String status, String reason) throws IOException {
        context.booking().item(file, chunk, status, reason, line -> describe(line, chunk, item));
    }

    /** Posts a body (a chunk, or the items of one sent again) with its key. */
    protected Sender.Answer post(byte[] body, String key)
            throws Sender.Unreachable, InterruptedException, IOException {
        return context.http().post(format.path + query, format.contentType, body, key);
    }

    /** The items of the answer to {@code sent}, or {@code null} when it has no per-item part. */
    protected List<Answers.Item> items(byte[] sent, Sender.Answer answer) {
        return Answers.items(format, JsonBodies.parse(context.json(), answer.body()));
    }

    /** Why this answer stops the import, or {@code null}. */
    protected String stopReason(Sender.Answer answer) {
        return answer.status() == 401 || answer.status() == 403 ? credentialsRefused(answer) : null;
    }

    /** Why a chunk whose answer has no items was refused. */
    protected String refusal(Sender.Answer answer) {
        return answer.reason();
    }

    /** What besides the request's path and query goes into the chunk's key. */
    protected String keyQuery(String query) {
        return query;
    }

    /** Whether the chunk reports this item (an object copied into several chunks is reported by one). */
    protected boolean reports(Chunk chunk, Answers.Item item) {
        return true;
    }

    /** For each unavailable item, its item in the second answer, or {@code null}; by STIX id or MISP uuid. */
    protected List<Answers.Item> pair(List<Answers.Item> unavailable, List<Answers.Item> again) {
        return pairByKey(unavailable, again, item -> item.ref() + "\n" + item.kind());
    }

    /** Adds to a rejects line what the item is and where it is in the file. */
    protected abstract void describe(ObjectNode line, Chunk chunk, Answers.Item item);

    protected static String credentialsRefused(Sender.Answer answer) {
        return "the service refused the credentials (" + answer.status() + ": " + answer.reason() + ")";
    }

    protected static List<Answers.Item> pairByKey(List<Answers.Item> unavailable, List<Answers.Item> again,
            Function<Answers.Item, String> key) {
        Map<String, Answers.Item> byKey = new HashMap<>();
        again.forEach(item -> byKey.putIfAbsent(key.apply(item), item));
        List<Answers.Item> paired = new ArrayList<>();
        unavailable.forEach(item -> paired.add(byKey.get(key.apply(item))));
        return paired;
    }
}
