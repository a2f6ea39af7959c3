package io.threatingest.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The files named on the command line, and the rejects file that goes with them. */
final class InputFiles {

    private InputFiles() {
    }

    /** The files, each a readable regular file, at least one. */
    static List<Path> check(List<Path> files) throws ImportOptions.UsageException {
        if (files.isEmpty()) {
            throw new ImportOptions.UsageException("name at least one file to import");
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new ImportOptions.UsageException("no such file: " + file);
            }
            if (!Files.isReadable(file)) {
                throw new ImportOptions.UsageException("cannot read " + file);
            }
        }
        return List.copyOf(files);
    }

    /** {@code --rejects}, else {@code <first file>.rejects.ndjson} beside the first file. */
    static Path rejects(Path given, List<Path> files) {
        if (given != null) {
            return given;
        }
        Path first = files.get(0).toAbsolutePath();
        return first.resolveSibling(first.getFileName() + ".rejects.ndjson");
    }
}
