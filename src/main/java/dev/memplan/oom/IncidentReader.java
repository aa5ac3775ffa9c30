package dev.memplan.oom;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole incident (docs/oom.md#timeline): the kernel log and the server's own log, pasted
 * together in one text (each line recognised by its format) and/or apart, into the kernel's
 * events, the processes killed, restart loops and one timeline with its sentence.
 */
public final class IncidentReader {

	/** Server events kept; a paste of 1 MiB cannot hold many more lines of interest. */
	static final int MAX_SERVER_EVENTS = 5000;

	/**
	 * @param log the kernel log, or a mix of kernel and server lines (may be null)
	 * @param serverLog the server's error log or journal, or a mix too (may be null)
	 */
	public OomLogAnalysis read(String log, String serverLog) {
		ServerLogParser parser = new ServerLogParser();
		List<String> kernelLines = new ArrayList<>();
		int[] numbers = new int[64];
		List<ServerLogEvent> events = new ArrayList<>();
		int serverLines = 0;
		String[][] boxes = { { "log", log }, { "serverLog", serverLog } };
		for (String[] box : boxes) {
			if (box[1] == null || box[1].isEmpty()) {
				continue;
			}
			String[] lines = box[1].split("\r?\n", -1);
			LogTime last = null;
			for (int i = 0; i < lines.length; i++) {
				ServerLogParser.Classified classified = parser.classify(lines[i], box[0], i + 1, last);
				switch (classified.origin()) {
					case KERNEL -> {
						if (kernelLines.size() == numbers.length) {
							numbers = java.util.Arrays.copyOf(numbers, numbers.length * 2);
						}
						numbers[kernelLines.size()] = i + 1;
						kernelLines.add(lines[i]);
					}
					case SERVER -> {
						serverLines++;
						if (classified.time() != null) {
							last = classified.time();
						}
						if (classified.event() != null && events.size() < MAX_SERVER_EVENTS) {
							events.add(classified.event());
						}
					}
					default -> {
						// another program's syslog line or a journalctl marker: neither kernel nor server
					}
				}
			}
		}
		OomLogAnalysis kernel = new OomLogParser().parse(kernelLines, java.util.Arrays.copyOf(numbers, kernelLines.size()));
		if (serverLines == 0 && kernel.killedProcesses().isEmpty()) {
			return kernel;
		}
		Incident incident = IncidentTimeline.build(kernel, events, serverLines);
		List<OomLogAnalysis.RestartLoop> loops = new ArrayList<>(kernel.restartLoops());
		Incident.Story story = incident.story();
		if (story != null && story.loop() && loops.stream().noneMatch((l) -> l.comm().equals(story.program()))) {
			loops.add(new OomLogAnalysis.RestartLoop(story.program(), story.kills(), story.spanSeconds(),
					OomLogAnalysis.RestartLoop.SERVER_LOG));
		}
		return new OomLogAnalysis(kernel.events(), kernel.diagnoses(), kernel.killedProcesses(), List.copyOf(loops), kernel.unreadLines(),
				incident, kernel.eventsLeftOut());
	}

}
