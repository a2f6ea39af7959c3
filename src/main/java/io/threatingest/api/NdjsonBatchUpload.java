package io.threatingest.api;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.threatingest.http.StreamedUpload;

/** An NDJSON batch is read line by line as it arrives ({@link BatchResource#ndjson}). */
@ApplicationScoped
public class NdjsonBatchUpload implements StreamedUpload {

    @Override
    public boolean streams(String path, String contentType) {
        return path.equals(BatchResource.PATH) && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith(BatchResource.NDJSON);
    }
}
