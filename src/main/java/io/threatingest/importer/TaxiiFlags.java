package io.threatingest.importer;

/** The checks of {@code --collection} and {@code --api-root}, alone and with {@code --format}. */
final class TaxiiFlags {

    private static final String SEGMENT = "[A-Za-z0-9._~-]+";

    private TaxiiFlags() {
    }

    static void check(String collection, String apiRoot, Format format) throws ImportOptions.UsageException {
        if (collection != null && (collection.isBlank() || !collection.matches(SEGMENT))) {
            throw new ImportOptions.UsageException("--collection must be a collection id (a UUID)");
        }
        if (apiRoot != null && collection == null) {
            throw new ImportOptions.UsageException("--api-root is only used with --collection");
        }
        if (apiRoot != null && (apiRoot.isBlank() || !(apiRoot.matches("(?i)https?://.+")
                || apiRoot.matches("/?" + SEGMENT + "/?")))) {
            throw new ImportOptions.UsageException(
                    "--api-root must be an http(s) URL or one path segment (e.g. ingest)");
        }
        if (collection != null && format != null && format != Format.STIX) {
            throw new ImportOptions.UsageException("--collection sends STIX 2.1 only; --format " + format.label()
                    + " cannot go to a TAXII collection");
        }
    }
}
