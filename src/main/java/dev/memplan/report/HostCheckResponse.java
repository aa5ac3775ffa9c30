package dev.memplan.report;

import java.util.List;

import dev.memplan.oom.HostProcess;
import dev.memplan.oom.HostRiskReport;
import dev.memplan.oom.OomRanking;
import dev.memplan.budget.Recommendation;

/**
 * {@code POST /api/v1/host}'s JSON: the host's findings, the OOM ranking three ways and the
 * recommendations, field for field as the analysis has them.
 */
public record HostCheckResponse(String databaseProcess, Long databaseResidentBytes, Long worstCaseBytes, List<Finding> findings,
		Ranking rankingNow, Ranking rankingAtWorstCase, Ranking rankingWithProposal, int proposedOomScoreAdj,
		List<Recommendation> recommendations) {

	public static HostCheckResponse of(HostRiskReport report) {
		return new HostCheckResponse(report.databaseProcess(), report.databaseResidentBytes(), report.worstCaseBytes(),
				report.findings().stream().map((f) -> new Finding(f.code(), f.level().name(), f.message(), f.args())).toList(),
				Ranking.of(report.rankingNow()), Ranking.of(report.rankingAtWorstCase()), Ranking.of(report.rankingWithProposal()),
				report.proposedOomScoreAdj(),
				report.recommendations().stream()
					.map((r) -> new Recommendation(r.id(), r.title(), r.text(), r.reason(), r.tradeOff(), r.args()))
					.toList());
	}

	public record Finding(String code, String level, String message, List<String> args) {
	}

	public record Recommendation(String id, String title, String text, String reason, String tradeOff, List<String> args) {
	}

	public record Ranking(long totalPages, List<Scored> ranked, List<Process> unkillable) {

		static Ranking of(OomRanking ranking) {
			return (ranking != null) ? new Ranking(ranking.totalPages(),
					ranking.ranked().stream().map((s) -> new Scored(Process.of(s.process()), s.points(), s.oomScore())).toList(),
					ranking.unkillable().stream().map(Process::of).toList()) : null;
		}

	}

	public record Scored(Process process, long points, long oomScore) {
	}

	public record Process(long pid, String name, Long uid, long residentBytes, long swapBytes, long pagetableBytes,
			int oomScoreAdj) {

		static Process of(HostProcess p) {
			return new Process(p.pid(), p.name(), p.uid(), p.residentBytes(), p.swapBytes(), p.pagetableBytes(), p.oomScoreAdj());
		}

	}

}
