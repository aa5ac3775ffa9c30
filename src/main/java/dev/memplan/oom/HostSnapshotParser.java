package dev.memplan.oom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the output of memplan-host-snapshot.sh back; lines it does not know are skipped. */
public final class HostSnapshotParser {

	public static final String HEADER = "memplan-host-snapshot 1";

	/** @throws IllegalArgumentException when the text is not a snapshot at all */
	public HostSnapshot parse(String text) {
		if (!text.contains(HEADER)) {
			throw new IllegalArgumentException("This is not the output of memplan-host-snapshot.sh (its first line is '" + HEADER + "').");
		}
		String kernel = null;
		Map<String, Long> meminfo = new LinkedHashMap<>();
		Map<String, String> sysctl = new LinkedHashMap<>();
		List<HostProcess> processes = new ArrayList<>();
		Map<String, Map<String, String>> units = new LinkedHashMap<>();
		for (String raw : text.split("\r?\n")) {
			String[] f = raw.strip().split("\\s+");
			switch (f[0]) {
				case "kernel" -> kernel = (f.length > 1) ? f[1] : null;
				case "meminfo" -> {
					if (f.length > 2 && f[2].matches("\\d+")) {
						meminfo.put(f[1], Long.parseLong(f[2]) * 1024);
					}
				}
				case "sysctl" -> {
					if (f.length > 2) {
						sysctl.put(f[1], f[2]);
					}
				}
				case "proc" -> process(raw.strip(), processes);
				case "systemd" -> {
					Map<String, String> settings = new LinkedHashMap<>();
					for (int i = 2; i < f.length; i++) {
						int eq = f[i].indexOf('=');
						if (eq > 0) {
							settings.put(f[i].substring(0, eq), f[i].substring(eq + 1));
						}
					}
					if (f.length > 1) {
						units.put(f[1], settings);
					}
				}
				default -> {
				}
			}
		}
		return new HostSnapshot(kernel, meminfo.get("MemTotal"), meminfo.get("SwapTotal"), meminfo.get("Committed_AS"),
				meminfo.get("CommitLimit"), integer(sysctl.get("vm.overcommit_memory")), integer(sysctl.get("vm.overcommit_ratio")),
				number(sysctl.get("vm.overcommit_kbytes")), integer(sysctl.get("vm.swappiness")), processes, units);
	}

	/** {@code proc PID UID RSS_KB SWAP_KB PTE_KB OOM_SCORE_ADJ NAME…} */
	private static void process(String line, List<HostProcess> processes) {
		String[] f = line.split("\\s+", 8);
		if (f.length < 8) {
			return;
		}
		try {
			processes.add(new HostProcess(Long.parseLong(f[1]), f[7], Long.valueOf(f[2]), Long.parseLong(f[3]) * 1024,
					Long.parseLong(f[4]) * 1024, Long.parseLong(f[5]) * 1024, Integer.parseInt(f[6])));
		}
		catch (NumberFormatException ex) {
			// a process that vanished mid-read prints a partial line: skip it
		}
	}

	private static Integer integer(String text) {
		return (text != null && text.matches("-?\\d+")) ? Integer.valueOf(text) : null;
	}

	private static Long number(String text) {
		return (text != null && text.matches("\\d+")) ? Long.valueOf(text) : null;
	}

}
