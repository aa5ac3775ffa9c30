package dev.memplan.report;

import dev.memplan.core.ByteSize;
import dev.memplan.oom.Incident;
import dev.memplan.oom.OomDiagnosis;
import dev.memplan.oom.OomEvent;
import dev.memplan.oom.OomLogAnalysis;

/** The kernel log analysis as a few lines for a terminal. */
public final class OomSummary {

	private OomSummary() {
	}

	public static String text(OomLogAnalysis analysis) {
		StringBuilder out = new StringBuilder("OOM events: " + analysis.eventsInLog()
				+ ((analysis.eventsLeftOut() > 0) ? " (the last " + analysis.events().size() + " listed, " + analysis.eventsLeftOut()
						+ " earlier ones left out)" : "")
				+ "\n");
		Incident incident = analysis.incident();
		if (incident != null && incident.story() != null) {
			out.append("  ").append(incident.story().message()).append('\n');
		}
		int index = 0;
		for (OomEvent event : analysis.events()) {
			out.append("  line ").append(event.line());
			if (event.time() != null) {
				out.append(", ").append(event.time());
			}
			else if (event.uptimeSeconds() != null) {
				out.append(", ").append(event.uptimeSeconds()).append(" s after boot");
			}
			if (event.trigger() != null) {
				out.append(": ").append(event.trigger().comm()).append(" invoked the OOM killer");
			}
			if (event.constraint() != null) {
				out.append(" (").append(event.constraint()).append(')');
			}
			if (event.victim() != null) {
				out.append("; killed ").append(event.victim().comm()).append(" (pid ").append(event.victim().pid()).append(')');
				Long resident = event.victim().residentBytes();
				if (resident != null) {
					out.append(", resident ").append(ByteSize.formatApproximate(resident));
				}
				if (event.victim().score() != null) {
					out.append(", score ").append(event.victim().score());
				}
			}
			if (event.largestOtherTask() != null) {
				out.append("; largest process besides the victim ").append(event.largestOtherTask().name()).append(' ')
					.append(ByteSize.formatApproximate(event.largestOtherTask().residentBytes()));
			}
			out.append('\n');
			OomDiagnosis diagnosis = analysis.diagnoses().get(index++);
			if (diagnosis != null) {
				out.append("    ").append(diagnosis.message()).append('\n');
			}
		}
		for (OomLogAnalysis.KilledProcess process : analysis.killedProcesses()) {
			if (process.killMessages() > 1) {
				out.append("  one ").append(process.comm()).append(" process killed (pid ").append(process.pid()).append("): ")
					.append(process.killMessages()).append(" kill messages name its threads ").append(process.killedPids()).append('\n');
			}
		}
		for (OomLogAnalysis.RestartLoop loop : analysis.restartLoops()) {
			out.append("  restart loop: ").append(loop.comm()).append(" killed ").append(loop.kills()).append(" times")
				.append((loop.spanSeconds() != null) ? String.format(" within %.0f s", loop.spanSeconds()) : "").append('\n');
		}
		for (OomLogAnalysis.UnreadLine line : analysis.unreadLines()) {
			out.append("  could not read line ").append(line.line()).append(": ").append(line.text()).append('\n');
		}
		return out.toString();
	}

}
