package dev.memplan.oom;

import java.util.List;
import java.util.Map;

/**
 * What memplan-host-snapshot.sh printed: memory, overcommit and swap settings, every process the
 * OOM killer would weigh, and the database's systemd unit settings. Null = not printed.
 */
public record HostSnapshot(String kernel, Long memTotalBytes, Long swapTotalBytes, Long committedAsBytes, Long commitLimitBytes,
		Integer overcommitMemory, Integer overcommitRatio, Long overcommitKbytes, Integer swappiness, List<HostProcess> processes,
		Map<String, Map<String, String>> systemdUnits) {
}
