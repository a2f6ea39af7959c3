package io.threatingest.http;

/**
 * A POST whose resource reads the body as it arrives ({@link StreamedBody}) instead of having it read whole
 * before the REST layer: a bean implementing this names which.
 */
public interface StreamedUpload {

    /** Whether a POST to this path with this {@code Content-Type} (may be {@code null}) is streamed. */
    boolean streams(String path, String contentType);
}
