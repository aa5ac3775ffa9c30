package dev.memplan.oom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Programs killed more than once in one paste: mysqld killed, restarted, killed again. */
final class RestartLoops {

	private RestartLoops() {
	}

	static List<OomLogAnalysis.RestartLoop> find(List<OomEvent> events) {
		Map<String, List<OomEvent>> byComm = new LinkedHashMap<>();
		for (OomEvent event : events) {
			if (event.victim() != null && event.victim().comm() != null) {
				byComm.computeIfAbsent(event.victim().comm(), (k) -> new ArrayList<>()).add(event);
			}
		}
		List<OomLogAnalysis.RestartLoop> loops = new ArrayList<>();
		byComm.forEach((comm, kills) -> {
			if (kills.size() > 1) {
				Double first = kills.get(0).uptimeSeconds();
				Double last = kills.get(kills.size() - 1).uptimeSeconds();
				Double span = (first != null && last != null && last >= first) ? last - first : null;
				loops.add(new OomLogAnalysis.RestartLoop(comm, kills.size(), span));
			}
		});
		return loops;
	}

}
