package dev.memplan.oom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.memplan.support.HostSnapshots;

import static org.assertj.core.api.Assertions.assertThat;
import dev.memplan.budget.Recommendation;

class HostRiskAnalyzerTests {

	static final String SNAPSHOT = HostSnapshots.WORKED_EXAMPLE;

	private final HostSnapshot host = new HostSnapshotParser().parse(SNAPSHOT);

	@Test
	void readsTheSnapshotBack() {
		assertThat(this.host.memTotalBytes()).isEqualTo(1L << 30);
		assertThat(this.host.swapTotalBytes()).isEqualTo(400L << 20);
		assertThat(this.host.processes()).hasSize(5);
		assertThat(this.host.processes().get(2).pagetableBytes()).isEqualTo(512L * 4096); // VmPTE 2048 kB
		assertThat(this.host.systemdUnits().get("mariadb.service")).containsEntry("OOMScoreAdjust", "0");
	}

	@Test
	void findsMysqldFirstAndShowsWhatMinus600Changes() {
		HostRiskReport report = new HostRiskAnalyzer().analyze(this.host, null, -600);
		assertThat(report.rankingNow().victim().process().name()).isEqualTo("mysqld");
		assertThat(report.rankingNow().victim().points()).isEqualTo(230912);
		assertThat(report.rankingWithProposal().victim().process().name()).isEqualTo("node");
		assertThat(report.findings()).extracting(HostRiskReport.Finding::message)
			.contains("At oom_score_adj -600, node (pid 1300) dies first.");
		assertThat(report.recommendations().get(report.recommendations().size() - 2).text())
			.contains("[Service]\nOOMScoreAdjust=-600").contains("mariadb.service");
	}

	@Test
	void judgesTheWorstCaseAgainstRamSwapAndCommitLimit() {
		HostRiskReport report = new HostRiskAnalyzer().analyze(this.host, 2L << 30, -600);
		assertThat(report.findings()).extracting(HostRiskReport.Finding::code)
			.contains("WORST_CASE_ABOVE_RAM_AND_SWAP", "STRICT_OVERCOMMIT", "SWAPPINESS_ZERO", "DATABASE_FIRST_VICTIM");
		// Committed_AS is already past CommitLimit: no headroom for mysqld to grow into
		assertThat(report.findings().stream().filter((f) -> f.code().equals("STRICT_OVERCOMMIT")).findFirst().orElseThrow().level())
			.isEqualTo(HostRiskReport.Level.RISK);
		assertThat(report.rankingAtWorstCase().victim().process().name()).isEqualTo("mysqld");
		assertThat(report.recommendations()).extracting(HostRiskReport.Recommendation::text)
			.anyMatch((t) -> t.contains("vm.swappiness = 1")).anyMatch((t) -> t.contains("vm.overcommit_memory = 0"))
			.anyMatch((t) -> t.contains("MemoryMax="));
	}

	@ParameterizedTest
	@CsvSource({ "2.6.32-302.el6, false", "2.6.32-303.el6, true", "2.6.32-641.el6, true", "2.6.32-696.el6, false",
			"3.4.0, false", "3.5.0, true", "5.15.0-91-generic, true" })
	void knowsWhereSwappinessZeroMeansNeverSwap(String kernel, boolean affected) {
		assertThat(HostRiskAnalyzer.swappinessZeroMeansNeverSwap(kernel)).isEqualTo(affected);
	}

}
