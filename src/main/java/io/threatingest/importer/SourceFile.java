package io.threatingest.importer;

import java.nio.file.Path;

/** A file being imported and its SHA-256, which every chunk's key is derived from. */
record SourceFile(Path path, String sha256) {
}
