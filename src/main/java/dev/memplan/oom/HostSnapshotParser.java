package dev.memplan.oom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.memplan.core.InputProblem;
import dev.memplan.core.Message;

/**
 * Reads the output of memplan-host-snapshot.sh back; lines it does not know are skipped. Every
 * number is range-checked before arithmetic: a size is 0 to 1 PiB in kB, an oom_score_adj −1000 to
 * 1000, a kernel release a few short numbers; a value outside is refused naming its line.
 */
public final class HostSnapshotParser {

	public static final String HEADER = "memplan-host-snapshot 1";

	/** 1 PiB in kB: more memory than any host has, far from overflowing a long in bytes. */
	private static final long MAX_KIB = 1L << 40;

	private static final Pattern KERNEL = Pattern.compile("\\d{1,4}\\.\\d{1,4}(\\.\\d{1,6})?([-.+~_][0-9A-Za-z._+~-]{0,120})?");

	private static final Pattern LONG_DIGITS = Pattern.compile("\\d{10,}");

	private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");

	/** A value the snapshot cannot hold: the line, the field, the text (cut short), and why ({@code snapshot.*}). */
	public static final class SnapshotValueException extends IllegalArgumentException {

		private final int line;

		private final String field;

		private final String text;

		private final Message reason;

		SnapshotValueException(int line, String field, String text, Message reason) {
			super(Message.of("error.snapshot.value", line, field, InputProblem.excerpt(text), reason).inEnglish());
			this.line = line;
			this.field = field;
			this.text = InputProblem.excerpt(text);
			this.reason = reason;
		}

		public int line() {
			return this.line;
		}

		public String field() {
			return this.field;
		}

		public String text() {
			return this.text;
		}

		public Message reason() {
			return this.reason;
		}

	}

	/** @throws IllegalArgumentException when the text is not a snapshot at all, or a value is out of range */
	public HostSnapshot parse(String text) {
		if (!text.contains(HEADER)) {
			throw new IllegalArgumentException(Message.english("error.snapshot", new Object[0]));
		}
		String kernel = null;
		Map<String, Long> meminfo = new LinkedHashMap<>();
		Map<String, String> sysctl = new LinkedHashMap<>();
		List<HostProcess> processes = new ArrayList<>();
		Map<String, Map<String, String>> units = new LinkedHashMap<>();
		String[] lines = text.split("\r?\n");
		for (int index = 0; index < lines.length; index++) {
			int line = index + 1;
			String[] f = lines[index].strip().split("\\s+");
			switch (f[0]) {
				case "kernel" -> kernel = (f.length > 1) ? kernel(line, f[1]) : null;
				case "meminfo" -> {
					if (f.length > 2 && f[2].matches("-?\\d+")) {
						meminfo.put(f[1], kib(line, "meminfo " + f[1], f[2]));
					}
				}
				case "sysctl" -> {
					if (f.length > 2) {
						sysctl.put(f[1], f[2]);
					}
				}
				case "proc" -> process(line, lines[index].strip(), processes);
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

	private static String kernel(int line, String release) {
		if (!KERNEL.matcher(release).matches() || LONG_DIGITS.matcher(release).find()) {
			throw new SnapshotValueException(line, "kernel", release, Message.of("snapshot.kernel"));
		}
		return release;
	}

	/** {@code proc PID UID RSS_KB SWAP_KB PTE_KB OOM_SCORE_ADJ NAME…} */
	private static void process(int line, String text, List<HostProcess> processes) {
		String[] f = text.split("\\s+", 8);
		if (f.length < 8) {
			return;
		}
		for (int i = 1; i <= 6; i++) {
			if (!f[i].matches("-?\\d+")) {
				return; // a process that vanished mid-read prints a partial line: skip it
			}
		}
		long pid = whole(line, "PID", f[1], 1, Integer.MAX_VALUE);
		long uid = whole(line, "UID", f[2], 0, 0xffff_ffffL);
		int adj = (int) whole(line, "oom_score_adj", f[6], -1000, 1000);
		processes.add(new HostProcess(pid, f[7], uid, kib(line, "RSS", f[3]), kib(line, "swap", f[4]), kib(line, "page tables", f[5]), adj));
	}

	/** kB as the kernel prints them, as bytes; refused when negative or past 1 PiB. */
	private static long kib(int line, String field, String text) {
		return whole(line, field + " (kB)", text, 0, MAX_KIB) * 1024;
	}

	private static long whole(int line, String field, String text, long min, long max) {
		if (!WHOLE.matcher(text).matches()) {
			throw new SnapshotValueException(line, field, text, Message.of("snapshot.range", min, max));
		}
		long value = Long.parseLong(text);
		if (value < min || value > max) {
			throw new SnapshotValueException(line, field, text, Message.of("snapshot.range", min, max));
		}
		return value;
	}

	private static Integer integer(String text) {
		return (text != null && text.matches("-?\\d{1,9}")) ? Integer.valueOf(text) : null;
	}

	private static Long number(String text) {
		return (text != null && text.matches("\\d{1,18}")) ? Long.valueOf(text) : null;
	}

}
