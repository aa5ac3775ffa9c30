package dev.memplan.oom;

import org.junit.jupiter.api.Test;

import dev.memplan.report.OomSummary;
import dev.memplan.support.Growth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader keeps the last {@link OomLogParser#MAX_EVENTS} events of a log and counts the earlier
 * ones, in time linear in the log.
 */
class KeptEventsTests {

	/** A bare dmesg kill line, 85 bytes with its newline, for pid 100000 + i (six digits up to i = 899,999). */
	static String killLine(int i) {
		return String.format("[%6d.000000] Killed process %d (mysqld) total-vm:1048576kB, anon-rss:524288kB%n", 100 + i, 100_000 + i)
			.replace("\r\n", "\n");
	}

	static String killLines(int n) {
		StringBuilder log = new StringBuilder(n * 85);
		for (int i = 0; i < n; i++) {
			log.append(killLine(i));
		}
		return log.toString();
	}

	@Test
	void aMebibyteOfKillLinesKeepsTheLast200AndCountsTheRest() {
		assertThat(killLine(0)).hasSize(85);
		// as many whole lines as fit in the 1 MiB request limit: 1,048,576 / 85 = 12,336 kills
		int n = (1 << 20) / 85;
		assertThat(n).isEqualTo(12_336);
		OomLogAnalysis analysis = new OomLogParser().parse(killLines(n));
		assertThat(analysis.events()).hasSize(200);
		assertThat(analysis.eventsLeftOut()).isEqualTo(12_336 - 200);
		assertThat(analysis.eventsInLog()).isEqualTo(12_336);
		// the last ones: pids 100000 + 12,136 to 100000 + 12,335, in the log's order
		assertThat(analysis.events().get(0).victim().pid()).isEqualTo(112_136);
		assertThat(analysis.events().get(199).victim().pid()).isEqualTo(112_335);
		assertThat(analysis.events().get(199).line()).isEqualTo(12_336);
		assertThat(analysis.diagnoses()).hasSize(200);
		assertThat(OomSummary.text(analysis)).startsWith("OOM events: 12336 (the last 200 listed, 12136 earlier ones left out)\n");
	}

	@Test
	void upTo200NothingIsLeftOut() {
		OomLogAnalysis exactly = new OomLogParser().parse(killLines(200));
		assertThat(exactly.events()).hasSize(200);
		assertThat(exactly.eventsLeftOut()).isZero();
		assertThat(OomSummary.text(exactly)).startsWith("OOM events: 200\n");
		OomLogAnalysis one = new OomLogParser().parse(killLines(201));
		assertThat(one.eventsLeftOut()).isEqualTo(1);
		assertThat(one.events().get(0).victim().pid()).isEqualTo(100_001);
	}

	@Test
	void aTaskTableThatNeverBecameAKillPushesNothingOut() {
		// after the 200th kill a task table header opens an event of its own (the kill before has its victim);
		// the log ends before any kill: no victim, no trigger, so no event, and none of the 200 is pushed out
		String header = "[99999.000000] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n";
		OomLogAnalysis analysis = new OomLogParser().parse(killLines(200) + header);
		assertThat(analysis.events()).hasSize(200);
		assertThat(analysis.eventsLeftOut()).isZero();
		assertThat(analysis.events().get(0).victim().pid()).isEqualTo(100_000);
	}

	@Test
	void staysLinearPastTheCap() {
		// 20,000 and 40,000 kills: 100 and 200 times the cap, each past it evicting one event
		Growth.assertLinear("kill lines past the cap", 20_000, KeptEventsTests::killLines, (text) -> new IncidentReader().read(text, null));
	}

}
