package io.threatingest.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One run of {@code import}: files to chunks to requests, with progress on stderr, refusals in the rejects file,
 * {@code --stop-after-chunks}, and the summary at the end; returns the exit code.
 */
final class ImportRun {

    /** How the run over the files ended: all sent, stopped by {@code --stop-after-chunks}, or aborted. */
    private record Outcome(boolean stopped, String abort) {

        static final Outcome DONE = new Outcome(false, null);
        static final Outcome STOPPED = new Outcome(true, null);

        static Outcome aborted(String why) {
            return new Outcome(false, why);
        }
    }

    private final ImportOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final Sender.Sleeper sleeper;
    private final ObjectMapper json = new ObjectMapper();
    private final Tally tally = new Tally();

    ImportRun(ImportOptions options, PrintStream out, PrintStream err, Sender.Sleeper sleeper) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.sleeper = sleeper;
    }

    int importAll() throws IOException, InterruptedException, ImportOptions.UsageException {
        ImportPlan plan = ImportPlan.of(options, json);
        Progress progress = new Progress(options.progress(), err, options.progressInterval(), plan.totalBytes());
        Sender http = new Sender(options.url(), options.credentials(), options.maxWait(), Duration.ofSeconds(120),
                sleeper, progress::notice);
        URI taxiiObjects = null;
        if (options.collection() != null) {
            try {
                taxiiObjects = TaxiiDiscovery.objectsEndpoint(options, http, json);
            } catch (Sender.Unreachable e) {
                err.println("import: the service could not be reached: " + e.getMessage());
                return 2;
            }
        }
        RejectWriter rejects = new RejectWriter(options.rejects(), json);
        Outcome outcome;
        try (rejects) {
            SendContext context = new SendContext(http, new Booking(tally, rejects), progress, json);
            outcome = sendAll(plan, context, taxiiObjects);
        } catch (Sender.Unreachable e) {
            outcome = Outcome.aborted("the service could not be reached: " + e.getMessage());
        }
        progress.finish(tally);
        return finish(outcome, rejects, progress.elapsed());
    }

    private Outcome sendAll(ImportPlan plan, SendContext context, URI taxiiObjects)
            throws Sender.Unreachable, InterruptedException, IOException {
        for (ImportPlan.PlannedFile file : plan.files()) {
            ChunkSender sender = senderFor(file.format(), context, taxiiObjects);
            err.println("import: " + file.path() + ": " + file.format().label() + " (" + file.why() + ") -> "
                    + sender.destination());
            Outcome outcome = sendFile(file, sender, context.progress());
            if (outcome != Outcome.DONE) {
                return outcome;
            }
            tally.filesDone++;
        }
        return Outcome.DONE;
    }

    private Outcome sendFile(ImportPlan.PlannedFile file, ChunkSender sender, Progress progress)
            throws Sender.Unreachable, InterruptedException, IOException {
        SourceFile source = new SourceFile(file.path(), IdempotencyKeys.sha256(file.path()));
        try (Chunker chunker = chunker(file.path(), file.format())) {
            Chunk chunk;
            while ((chunk = chunker.next()) != null) {
                if (options.stopAfterChunks() > 0 && tally.chunks >= options.stopAfterChunks()) {
                    return Outcome.STOPPED;
                }
                String failure = sender.send(source, chunker, chunk);
                if (failure != null) {
                    return Outcome.aborted(failure);
                }
                tally.bytesRead += chunk.sourceBytes();
                progress.update(tally);
            }
        }
        return Outcome.DONE;
    }

    private ChunkSender senderFor(Format format, SendContext context, URI taxiiObjects) {
        if (taxiiObjects != null) {
            return new TaxiiSender(context, taxiiObjects, options.collection());
        }
        return switch (format) {
            case TEXT, CSV -> new LineFormatSender(context, format, options.extractQuery());
            case NDJSON -> new LineFormatSender(context, format, "");
            case STIX -> new StixSender(context);
            case MISP -> new MispSender(context);
        };
    }

    private Chunker chunker(Path file, Format format) throws IOException {
        ChunkSizes sizes = options.chunkSizes();
        return switch (format) {
            case TEXT, CSV, NDJSON -> new LineChunker(file, format, sizes.lines(), sizes.bytes());
            case STIX -> new StixChunker(file, json, sizes.stixObjects(), sizes.stixBytes());
            case MISP -> new MispChunker(file, json, sizes.lines());
        };
    }

    private int finish(Outcome outcome, RejectWriter rejects, Duration time) {
        if (outcome.abort() != null) {
            err.println("import: " + outcome.abort());
        }
        if (outcome.stopped()) {
            err.println("import: stopped after " + tally.chunks + " chunks (--stop-after-chunks); run the same "
                    + "command again to send the rest: the chunks already sent are answered from the service's "
                    + "memory of their keys");
        }
        Summary.print(out, tally, rejects, time);
        if (outcome.abort() != null) {
            return 2;
        }
        return outcome.stopped() || tally.refused() > 0 ? 1 : 0;
    }
}
