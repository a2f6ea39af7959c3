package io.threatingest.http;

import java.util.ArrayDeque;
import java.util.function.Consumer;

import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorKind;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * A request body handed to its resource as it arrives, instead of read whole first (NDJSON batches): chunks that
 * come before the resource asks for them wait here, and the connection is paused once a few hundred KiB wait. The
 * body limit still holds, counted as chunks arrive. Everything runs on the request's event loop.
 */
public final class StreamedBody {

    static final String KEY = StreamedBody.class.getName();
    private static final int PAUSE_ABOVE = 256 * 1024;

    private final RoutingContext routing;
    private final Context context;
    private final long limit;
    private final ArrayDeque<Buffer> waiting = new ArrayDeque<>();
    private long waitingBytes;
    private long received;
    private boolean ended;
    private Throwable failure;
    private Consumer<Buffer> chunks;
    private Runnable end;
    private Consumer<Throwable> failed;

    StreamedBody(RoutingContext routing, Context context, long limit) {
        this.routing = routing;
        this.context = context;
        this.limit = limit;
        HttpServerRequest request = routing.request();
        request.handler(this::chunk);
        request.endHandler(ended -> end());
        request.exceptionHandler(this::fail);
        // answered without the body having been asked for (401, 403, 415, 429, ...): the rest of it is still on the
        // connection, so the connection cannot carry another request; it is closed after this answer
        routing.addHeadersEndHandler(headers -> {
            if (chunks == null && !ended && failure == null) {
                routing.response().putHeader("Connection", "close");
            }
        });
    }

    /** The body of this request, when it is streamed. */
    public static StreamedBody of(RoutingContext routing) {
        return routing.get(KEY);
    }

    /**
     * Delivers the body: every chunk in order, then the end, or a failure (the connection broke, or the body passed
     * the limit: a 413 {@link ApiException}). Called once; the callbacks run on the request's event loop.
     */
    public void consume(Consumer<Buffer> onChunk, Runnable onEnd, Consumer<Throwable> onFailure) {
        context.runOnContext(ignored -> {
            chunks = onChunk;
            end = onEnd;
            failed = onFailure;
            while (!waiting.isEmpty() && failure == null) {
                onChunk.accept(waiting.poll());
            }
            waitingBytes = 0;
            if (failure != null) {
                onFailure.accept(failure);
            } else if (ended) {
                onEnd.run();
            } else {
                routing.request().resume();
            }
        });
    }

    private void chunk(Buffer chunk) {
        if (failure != null) {
            return;
        }
        received += chunk.length();
        if (received > limit) {
            // the answer may be out already (an item past the batch limit was refused first)
            if (!routing.response().headWritten()) {
                routing.response().putHeader("Connection", "close");
            }
            fail(new ApiException(ErrorKind.BODY_TOO_LARGE, "at most " + limit + " bytes", null));
            return;
        }
        if (chunks != null) {
            chunks.accept(chunk);
            return;
        }
        waiting.add(chunk);
        waitingBytes += chunk.length();
        if (waitingBytes > PAUSE_ABOVE) {
            routing.request().pause();
        }
    }

    private void end() {
        if (failure != null) {
            return;
        }
        ended = true;
        if (end != null) {
            end.run();
        }
    }

    private void fail(Throwable cause) {
        if (failure != null || ended) {
            return;
        }
        failure = cause;
        if (failed != null) {
            failed.accept(cause);
        }
    }
}
