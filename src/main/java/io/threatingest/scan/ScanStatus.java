package io.threatingest.scan;

/** The life of a scan task, in order. A task only moves forward. */
public enum ScanStatus {

    NEW, QUEUED, RUNNING, DONE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The status a scanner reports by name, or {@code null} for an unknown name ({@code new} is not reported). */
    public static ScanStatus reported(String name) {
        for (ScanStatus status : values()) {
            if (status != NEW && status.wireName().equals(name)) {
                return status;
            }
        }
        return null;
    }
}
