package io.threatingest.service;

import java.util.concurrent.Callable;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * CPU work of a request too long for the event loop (parsing and converting a document of megabytes, validating
 * thousands of trees) runs on a worker thread of the request's own context, so that what follows (publishing,
 * answering) goes on where it was, with the same request state.
 */
public final class OffLoop {

    private OffLoop() {
    }

    public static <T> Uni<T> run(Callable<T> work) {
        return run(work, false);
    }

    /**
     * As {@link #run}, but one task of the request at a time, in the order given: a request that hands over many
     * (a batch's packs) takes one worker, not the pool that the other requests share.
     */
    public static <T> Uni<T> runInTurn(Callable<T> work) {
        return run(work, true);
    }

    private static <T> Uni<T> run(Callable<T> work, boolean ordered) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().item(() -> {
                try {
                    return work.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return Uni.createFrom().completionStage(() -> context.executeBlocking(work, ordered).toCompletionStage());
    }
}
