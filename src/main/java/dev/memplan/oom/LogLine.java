package dev.memplan.oom;

/**
 * One kernel message with its prefixes removed.
 *
 * @param line the line number in the paste where the message starts
 * @param time the timestamp as printed (syslog, dmesg -T), or null
 * @param uptimeSeconds the dmesg seconds since boot, or null
 * @param message the kernel's own text
 */
public record LogLine(int line, String time, Double uptimeSeconds, String message) {
}
