package io.threatingest.http;

import java.io.InputStream;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.buffer.ByteBufInputStream;
import io.quarkus.arc.All;
import io.threatingest.config.IngestConfig;
import io.threatingest.http.error.ApiException;
import io.threatingest.http.error.ErrorKind;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the body of every request under {@code /api} whole, before the REST layer, and refuses one over
 * {@code ingest.limits.max-body-size} with 413 however it arrives (the HTTP layer's own limit looks only at
 * {@code Content-Length}, so a chunked body could otherwise grow without bound). The REST layer is then handed
 * the bytes read here as its entity stream ({@link #stream}). The exceptions are the uploads a {@link StreamedUpload}
 * names, which their resource reads as they arrive, within the same limit ({@link StreamedBody}).
 *
 * <p>Why not Vert.x's {@code BodyHandler} with the REST layer reading after it: two defects of that pairing
 * lost requests. {@code BodyHandler} never continues a request that has already ended when it runs (a POST
 * with {@code Content-Length: 0}), so such a request hung without an answer. And the REST layer, finding a
 * body already read, replays it through its streaming read callbacks; above {@code quarkus.rest.input-buffer-size}
 * (10 KiB) its callback drains the buffer into a blocking stream and then, on the end callback that follows at
 * once, replaces that stream with a zero-filled array of the same length: every body over 10 KiB was parsed as
 * NUL bytes and refused as malformed JSON.
 */
@ApplicationScoped
public class WholeBody {

    private final long limit;
    private final List<StreamedUpload> streamed;

    public WholeBody(IngestConfig config, @All List<StreamedUpload> streamed) {
        this.limit = config.limits().maxBodySize().asLongValue();
        this.streamed = List.copyOf(streamed);
    }

    /** The body read by {@link #read}, for the REST layer, which then reads nothing from the connection. */
    public static InputStream stream(RoutingContext context) {
        Buffer body = buffered(context);
        return body == null ? null : new ByteBufInputStream(body.getByteBuf());
    }

    /** The body read by {@link #read}; {@code null} for a request whose body was left to its resource. */
    public static Buffer buffered(RoutingContext context) {
        return context.body().buffer();
    }

    void read(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.isEnded()) {
            // no body, or an empty one that arrived with the headers
            context.setBody(Buffer.buffer(0));
            context.next();
            return;
        }
        long declared = declaredLength(request);
        if (declared > limit) {
            refuse(context);
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect")) && request.version() != HttpVersion.HTTP_1_0) {
            context.response().writeContinue();
        }
        if (streamed(context)) {
            request.pause();
            context.put(StreamedBody.KEY, new StreamedBody(context, Vertx.currentContext(), limit));
            context.next();
            return;
        }
        Buffer body = Buffer.buffer(declared > 0 ? (int) declared : 1024);
        boolean[] refused = { false }; // chunks and the end arrive on this request's event loop, one at a time
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                refused[0] = true;
                refuse(context);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(ended -> {
            if (!refused[0]) {
                context.setBody(body);
                context.next();
            }
        });
        request.resume();
    }

    private boolean streamed(RoutingContext context) {
        if (context.request().method() != HttpMethod.POST) {
            return false;
        }
        String path = context.normalizedPath();
        String type = context.request().getHeader("Content-Type");
        return streamed.stream().anyMatch(upload -> upload.streams(path, type));
    }

    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** 413; the connection is closed, since the rest of the body is not read. */
    private void refuse(RoutingContext context) {
        context.response().putHeader("Connection", "close");
        context.fail(new ApiException(ErrorKind.BODY_TOO_LARGE, "at most " + limit + " bytes", null));
    }
}
