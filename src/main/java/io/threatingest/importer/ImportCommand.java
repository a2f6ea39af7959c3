package io.threatingest.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code import}: sends files of indicators (text, CSV, NDJSON entity trees, STIX 2.1 bundles, MISP events) to a
 * running service, chunk by chunk, each chunk with an {@code Idempotency-Key} derived from the file, the format,
 * the chunk's place and its bytes, so that an import run again after an interruption is answered from the first
 * answers for the chunks already done and publishes nothing twice. Plain Java: runs without starting Quarkus.
 *
 * <pre>java -jar quarkus-run.jar import --url https://ingest.example.org --api-key K --api-secret S iocs.txt</pre>
 */
public final class ImportCommand {

    private ImportCommand() {
    }

    /** Runs the command with the process's environment and terminal; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err, terminal());
    }

    /**
     * Runs the command; returns the exit code: 0 everything accepted, 1 something refused, not mapped or
     * unavailable (or the run stopped early), 2 a usage error or the service could not be reached.
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
            boolean terminal) {
        return run(args, env, out, err, terminal, duration -> Thread.sleep(duration.toMillis()));
    }

    /** As {@link #run(String[], Map, PrintStream, PrintStream, boolean)}, with the waits made by {@code sleeper}. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean terminal,
            Sender.Sleeper sleeper) {
        ImportOptions options;
        try {
            options = ImportOptions.parse(args, env, terminal);
        } catch (ImportOptions.HelpRequested help) {
            out.println(ImportOptions.USAGE);
            return 0;
        } catch (ImportOptions.UsageException e) {
            err.println("import: " + e.getMessage());
            err.println("run 'import --help' for the usage");
            return 2;
        }
        try {
            return new ImportRun(options, out, err, sleeper).importAll();
        } catch (ImportOptions.UsageException e) {
            err.println("import: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("import: interrupted");
            return 2;
        } catch (IOException e) {
            err.println("import: " + e.getMessage());
            return 2;
        }
    }

    /** Whether stderr is a terminal: {@code System.console()}, and on JDK 22+ {@code Console.isTerminal()}. */
    static boolean terminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
