package io.threatingest.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The files to import, each with its format and why, and their total size (for the time-left estimate). */
record ImportPlan(List<ImportPlan.PlannedFile> files, long totalBytes) {

    /** A file and its format, from {@code --format} or guessed, with how it was chosen. */
    record PlannedFile(Path path, Format format, String why) {
    }

    /** The plan for the options' files; with {@code --collection} every file must be a STIX bundle. */
    static ImportPlan of(ImportOptions options, ObjectMapper json) throws IOException, ImportOptions.UsageException {
        FormatDetector detector = new FormatDetector(json);
        List<PlannedFile> files = new ArrayList<>();
        long totalBytes = 0;
        for (Path file : options.files()) {
            FormatDetector.Guess guess = options.format() != null
                    ? new FormatDetector.Guess(options.format(), "--format")
                    : detector.detect(file);
            files.add(new PlannedFile(file, guess.format(), guess.why()));
            totalBytes += Files.size(file);
        }
        if (options.collection() != null) {
            requireStix(files);
        }
        return new ImportPlan(List.copyOf(files), totalBytes);
    }

    private static void requireStix(List<PlannedFile> files) throws ImportOptions.UsageException {
        for (PlannedFile file : files) {
            if (file.format() != Format.STIX) {
                throw new ImportOptions.UsageException(file.path() + " is " + file.format().label() + " ("
                        + file.why() + "): --collection sends STIX 2.1 bundles only; import this file without "
                        + "--collection");
            }
        }
    }
}
