package dev.memplan.oom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.memplan.support.Growth;
import dev.memplan.support.IncidentLogs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever a paste does to a kernel log mixed with the server's log (lines shuffled, cut,
 * duplicated, joined, garbage), the reader answers without throwing and within its caps; and it is
 * linear in the paste. Seeded, so a failure reproduces.
 */
class IncidentReaderFuzzTests {

	private static final String[] NOISE = { "[", "]", "Z", "2019-10-21T", "mysqld_safe ", "restarted", " [Note] ", "starting as process ",
			"code=killed, status=9/KILL", "Oct 21 10:43:29 db1 systemd[1]: ", "99999999999999999999999", "\u0000", "\t", "InnoDB: " };

	@Test
	void neverThrowsOnAMangledIncident() {
		String mixed = IncidentLogs.SEED_JOURNAL + IncidentLogs.SEED_KERNEL + IncidentLogs.SEED_ERROR_LOG + IncidentLogs.THREAD_KILLED_TWICE;
		Random random = new Random(20261201);
		for (int round = 0; round < 2000; round++) {
			List<String> lines = new ArrayList<>(List.of(mixed.split("\n", -1)));
			switch (random.nextInt(5)) {
				case 0 -> Collections.shuffle(lines, random);
				case 1 -> lines = lines.subList(0, random.nextInt(lines.size() + 1));
				case 2 -> lines.add(random.nextInt(lines.size() + 1), String.join("", lines.subList(0, Math.min(4, lines.size()))));
				case 3 -> {
					int at = random.nextInt(lines.size());
					lines.set(at, lines.get(at).substring(0, random.nextInt(lines.get(at).length() + 1)));
				}
				default -> {
					for (int i = 0; i < 6; i++) {
						int at = random.nextInt(lines.size());
						String line = lines.get(at);
						int cut = random.nextInt(line.length() + 1);
						lines.set(at, line.substring(0, cut) + NOISE[random.nextInt(NOISE.length)] + line.substring(cut));
					}
				}
			}
			String text = String.join("\n", lines);
			int split = random.nextInt(text.length() + 1);
			OomLogAnalysis analysis = (round % 2 == 0) ? new IncidentReader().read(text, null)
					: new IncidentReader().read(text.substring(0, split), text.substring(split));
			if (analysis.incident() != null) {
				assertThat(analysis.incident().timeline()).as("round %d", round).hasSizeLessThanOrEqualTo(IncidentTimeline.MAX_ENTRIES);
			}
			assertThat(analysis.diagnoses()).as("round %d", round).hasSameSizeAs(analysis.events());
		}
	}

	@Test
	void isLinearInTheServerLog() {
		String journal = IncidentLogs.SEED_JOURNAL + IncidentLogs.SEED_ERROR_LOG;
		Growth.assertLinear("server log", 200, (n) -> journal.repeat(n), (text) -> new IncidentReader().read(null, text));
		Growth.assertLinear("kills and restarts", 50, (n) -> (IncidentLogs.SEED_KERNEL + journal).repeat(n),
				(text) -> new IncidentReader().read(text, null));
	}

}
