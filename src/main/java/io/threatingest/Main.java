package io.threatingest;

import java.util.Arrays;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.threatingest.importer.ImportCommand;
import io.threatingest.security.ApiKeyTool;

/** Starts the service, or runs the {@code create-api-key} or {@code import} command without starting anything. */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("create-api-key")) {
            System.exit(ApiKeyTool.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        Quarkus.run(args);
    }
}
