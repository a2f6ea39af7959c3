package io.threatingest.importer;

import java.nio.file.Path;

/**
 * Walks the arguments of {@code import}: files, {@code --flag value} and {@code --flag=value}, in order; after a
 * bare {@code --} every argument is a file, even one that starts with {@code --}.
 */
final class CommandLine {

    private CommandLine() {
    }

    static GivenFlags read(String[] args, boolean terminal)
            throws ImportOptions.UsageException, ImportOptions.HelpRequested {
        GivenFlags given = new GivenFlags(terminal);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new ImportOptions.HelpRequested();
            }
            if (arg.equals("--")) {
                for (int j = i + 1; j < args.length; j++) {
                    given.files.add(Path.of(args[j]));
                }
                break;
            }
            if (!arg.startsWith("--")) {
                given.files.add(Path.of(arg));
                continue;
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                OptionFlags.apply(given, arg.substring(0, eq), arg.substring(eq + 1));
                continue;
            }
            if (i + 1 >= args.length) {
                throw new ImportOptions.UsageException(arg + " needs a value");
            }
            OptionFlags.apply(given, arg, args[++i]);
        }
        return given;
    }
}
