package io.threatingest.scan;

/**
 * A scanner worker's progress report, as decoded from the status address: the task id and the status name it
 * reports ({@code queued}, {@code running}, {@code done}). Whether the name and the task are known is for
 * {@link ScanService#apply} to decide.
 */
public record ScanStatusReport(String taskId, String status) {
}
