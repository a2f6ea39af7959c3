package io.threatingest.importer;

import java.time.Duration;

/** Reads the values of the numeric flags, with the usage error that names the flag. */
final class NumberFlags {

    private NumberFlags() {
    }

    static int integer(String name, String value, int min, int max) throws ImportOptions.UsageException {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new ImportOptions.UsageException(name + " must be from " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ImportOptions.UsageException(name + " must be an integer");
        }
    }

    static Duration seconds(String name, String value) throws ImportOptions.UsageException {
        try {
            double s = Double.parseDouble(value.strip());
            if (!(s > 0) || s > 86_400) {
                throw new ImportOptions.UsageException(name + " must be a number of seconds above 0");
            }
            return Duration.ofMillis(Math.round(s * 1000));
        } catch (NumberFormatException e) {
            throw new ImportOptions.UsageException(name + " must be a number of seconds");
        }
    }
}
