package dev.memplan.oom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.memplan.core.ByteSize;
import dev.memplan.budget.Recommendation;

/**
 * Combines the budget with the host: the worst case against RAM + swap and, under strict
 * overcommit, against CommitLimit; swappiness 0 on kernels where it means "never swap"; where
 * mysqld ranks among OOM victims now, at its worst case and with a proposed oom_score_adj; and
 * the copy-ready fixes with their trade-offs (docs/oom.md#host-findings, #recommendations).
 */
public final class HostRiskAnalyzer {

	public static final int DEFAULT_PROPOSED_ADJ = -600;

	private static final Pattern RHEL6 = Pattern.compile("^2\\.6\\.32-(\\d{1,9})(?!\\d)");

	private static final Pattern UPSTREAM = Pattern.compile("^(\\d{1,9})\\.(\\d{1,9})(?!\\d)");

	private final OomScorer scorer = new OomScorer();

	/** @param worstCaseBytes the plan's worst case, or null when no plan goes with the snapshot */
	public HostRiskReport analyze(HostSnapshot host, Long worstCaseBytes, int proposedAdj) {
		List<HostRiskReport.Finding> findings = new ArrayList<>();
		List<HostRiskReport.Recommendation> recommendations = new ArrayList<>();
		long ram = (host.memTotalBytes() != null) ? host.memTotalBytes() : 0;
		long swap = (host.swapTotalBytes() != null) ? host.swapTotalBytes() : 0;
		HostProcess database = host.processes().stream().filter((p) -> Databases.isServer(p.name()))
			.max(Comparator.comparingLong(HostProcess::residentBytes)).orElse(null);
		if (database == null) {
			findings.add(new HostRiskReport.Finding("NO_DATABASE_PROCESS", HostRiskReport.Level.ADVICE,
					"No mysqld or mariadbd process in the snapshot: run the script on the database host, as root or the database's user."));
		}
		if (worstCaseBytes != null && ram > 0) {
			worstCaseAgainstMemory(worstCaseBytes, ram, swap, findings);
		}
		overcommit(host, database, worstCaseBytes, findings, recommendations);
		swappiness(host, findings, recommendations);
		OomRanking now = this.scorer.rank(host.processes(), ram, swap);
		OomRanking atWorst = null;
		OomRanking withProposal = null;
		if (database != null) {
			if (worstCaseBytes != null && worstCaseBytes > database.residentBytes()) {
				atWorst = this.scorer.rank(replace(host.processes(), database, database.withResidentBytes(worstCaseBytes)), ram, swap);
			}
			withProposal = this.scorer.rank(replace(host.processes(), database, database.withOomScoreAdj(proposedAdj)), ram, swap);
			ranking(database, now, withProposal, proposedAdj, findings);
			recommendations.add(dropIn(database, host.systemdUnits(), proposedAdj));
		}
		limitOtherServices(host.processes(), recommendations);
		return new HostRiskReport((database != null) ? database.name() : null, (database != null) ? database.residentBytes() : null,
				worstCaseBytes, findings, now, atWorst, withProposal, proposedAdj, recommendations);
	}

	private static void worstCaseAgainstMemory(long worst, long ram, long swap, List<HostRiskReport.Finding> findings) {
		if (worst > ram + swap) {
			findings.add(new HostRiskReport.Finding("WORST_CASE_ABOVE_RAM_AND_SWAP", HostRiskReport.Level.RISK, "mysqld's worst case ("
					+ ByteSize.formatApproximate(worst) + ") is more than RAM + swap (" + ByteSize.formatApproximate(ram + swap)
					+ "): a connection storm ends in the OOM killer.", ByteSize.formatApproximate(worst), ByteSize.formatApproximate(ram + swap)));
		}
		else if (worst > ram) {
			findings.add(new HostRiskReport.Finding("WORST_CASE_IN_SWAP", HostRiskReport.Level.ADVICE, "mysqld's worst case ("
					+ ByteSize.formatApproximate(worst) + ") fits only with swap: the host would swap hard before it recovers.",
					ByteSize.formatApproximate(worst)));
		}
		else {
			findings.add(new HostRiskReport.Finding("WORST_CASE_FITS_RAM", HostRiskReport.Level.OK, "mysqld's worst case ("
					+ ByteSize.formatApproximate(worst) + ") fits the host's RAM (" + ByteSize.formatApproximate(ram) + ").",
					ByteSize.formatApproximate(worst), ByteSize.formatApproximate(ram)));
		}
	}

	/** Mode 2: an allocation fails when Committed_AS would pass CommitLimit (and mysqld may crash on a failed malloc). */
	private static void overcommit(HostSnapshot host, HostProcess database, Long worst, List<HostRiskReport.Finding> findings,
			List<HostRiskReport.Recommendation> recommendations) {
		if (host.overcommitMemory() == null || host.overcommitMemory() != 2) {
			return;
		}
		String message = "vm.overcommit_memory = 2: allocations fail once Committed_AS passes CommitLimit";
		if (host.commitLimitBytes() != null && host.committedAsBytes() != null && worst != null) {
			long headroom = host.commitLimitBytes() - host.committedAsBytes();
			long growth = worst - ((database != null) ? database.residentBytes() : 0);
			message += "; headroom " + ByteSize.formatApproximate(Math.max(0, headroom)) + ", mysqld may still grow by "
					+ ByteSize.formatApproximate(Math.max(0, growth));
			findings.add(new HostRiskReport.Finding("STRICT_OVERCOMMIT", growth > headroom ? HostRiskReport.Level.RISK
					: HostRiskReport.Level.ADVICE, message + (growth > headroom ? ": it does not fit, mysqld can crash on a failed allocation."
							: ": it fits today."), ByteSize.formatApproximate(Math.max(0, headroom)), ByteSize.formatApproximate(Math.max(0, growth))));
		}
		else {
			findings.add(new HostRiskReport.Finding("STRICT_OVERCOMMIT_UNKNOWN", HostRiskReport.Level.ADVICE, message + "."));
		}
		recommendations.add(new HostRiskReport.Recommendation("overcommit", "Heuristic overcommit",
				"# /etc/sysctl.d/90-mysql.conf\nvm.overcommit_memory = 0\n",
				"Under mode 2 mysqld gets a failed malloc instead of memory and can crash; mode 0 refuses only absurd requests.",
				"The OOM killer becomes the safety net again: pair it with OOMScoreAdjust for mysqld.", List.of()));
	}

	/** swappiness 0 meant "never swap anonymous memory" on RHEL 6 2.6.32-303…641 and upstream 3.5+. */
	private static void swappiness(HostSnapshot host, List<HostRiskReport.Finding> findings,
			List<HostRiskReport.Recommendation> recommendations) {
		if (host.swappiness() == null || host.swappiness() != 0 || host.kernel() == null) {
			return;
		}
		if (swappinessZeroMeansNeverSwap(host.kernel())) {
			findings.add(new HostRiskReport.Finding("SWAPPINESS_ZERO", HostRiskReport.Level.RISK, "vm.swappiness = 0 on kernel "
					+ host.kernel() + " means anonymous memory is never swapped: mysqld is OOM-killed while page cache remains.", host.kernel()));
			recommendations.add(new HostRiskReport.Recommendation("swappiness", "Swappiness 1, not 0",
					"# /etc/sysctl.d/90-mysql.conf\nvm.swappiness = 1\n",
					"Keeps swapping to a minimum while letting the kernel swap out idle pages instead of killing mysqld.",
					"A little swap activity under pressure, which is what you want instead of a kill.", List.of()));
		}
	}

	static boolean swappinessZeroMeansNeverSwap(String kernel) {
		Matcher rhel = RHEL6.matcher(kernel);
		if (rhel.find()) {
			int build = Integer.parseInt(rhel.group(1));
			return build >= 303 && build <= 641;
		}
		Matcher upstream = UPSTREAM.matcher(kernel);
		if (upstream.find()) {
			int major = Integer.parseInt(upstream.group(1));
			int minor = Integer.parseInt(upstream.group(2));
			return major > 3 || (major == 3 && minor >= 5);
		}
		return false;
	}

	private static void ranking(HostProcess database, OomRanking now, OomRanking withProposal, int proposedAdj,
			List<HostRiskReport.Finding> findings) {
		int rank = now.rankOf(database.name());
		OomRanking.Scored victim = now.victim();
		if (rank == 1) {
			findings.add(new HostRiskReport.Finding("DATABASE_FIRST_VICTIM", HostRiskReport.Level.RISK, database.name()
					+ " is the OOM killer's first choice today (" + now.ranked().get(0).points() + " points): whatever runs the host out of memory, "
					+ database.name() + " dies.", database.name(), now.ranked().get(0).points()));
		}
		else if (rank > 1) {
			findings.add(new HostRiskReport.Finding("DATABASE_RANK", HostRiskReport.Level.OK, database.name() + " ranks " + rank
					+ " among OOM victims; " + victim.process().name() + " would go first.", database.name(), rank, victim.process().name()));
		}
		OomRanking.Scored after = withProposal.victim();
		if (rank == 1 && after != null && !Databases.isServer(after.process().name())) {
			findings.add(new HostRiskReport.Finding("PROPOSAL_EFFECT", HostRiskReport.Level.ADVICE, "At oom_score_adj " + proposedAdj + ", "
					+ after.process().name() + " (pid " + after.process().pid() + ") dies first.", proposedAdj, after.process().name(),
					after.process().pid()));
		}
	}

	private static HostRiskReport.Recommendation dropIn(HostProcess database, Map<String, Map<String, String>> units, int adj) {
		String unit = units.keySet().stream().findFirst().orElse(database.name().startsWith("mariadb") ? "mariadb.service" : "mysql.service");
		String text = "# systemctl edit " + unit + "   (writes /etc/systemd/system/" + unit + ".d/override.conf)\n[Service]\nOOMScoreAdjust="
				+ adj + "\n# then: systemctl daemon-reload && systemctl restart " + unit + "\n";
		return new HostRiskReport.Recommendation("protect", "Protect " + database.name() + " from the OOM killer", text,
				"Without it " + database.name() + " is usually the largest process and the first victim, even when another program caused the shortage.",
				"-1000 would make it unkillable and move every kill to something else (or panic a host with nothing else to kill); "
						+ adj + " keeps it killable as a last resort. Echoing into /proc/PID/oom_score_adj lasts only until the next restart.",
				List.of(database.name(), Integer.toString(adj)));
	}

	/** The largest other services get a memory limit of their own: where the seed's crash came from. */
	private static void limitOtherServices(List<HostProcess> processes, List<HostRiskReport.Recommendation> recommendations) {
		List<HostProcess> others = processes.stream().filter((p) -> !Databases.isDatabase(p.name()) && p.pid() != 1)
			.sorted(Comparator.comparingLong(HostProcess::residentBytes).reversed()).limit(3).toList();
		if (others.isEmpty()) {
			return;
		}
		StringBuilder text = new StringBuilder();
		for (HostProcess other : others) {
			long limit = Math.max(64L << 20, (other.residentBytes() * 3 / 2) >> 20 << 20);
			text.append("# ").append(other.name()).append(" (pid ").append(other.pid()).append(", RSS ")
				.append(ByteSize.formatApproximate(other.residentBytes())).append(")\nsystemctl set-property <unit of ")
				.append(other.name()).append("> MemoryMax=").append(ByteSize.ofBytes(limit).toOptionValue()).append('\n');
		}
		recommendations.add(new HostRiskReport.Recommendation("limits", "Memory limits for the other services", text.toString(),
				"A leaking script or a cron job then hits its own limit and is killed inside its cgroup, instead of running the host out of memory.",
				"A service that really needs more gets killed at its limit: set the limit from its normal peak (here 1.5 × its RSS now).",
				List.of()));
	}

	private static List<HostProcess> replace(List<HostProcess> processes, HostProcess old, HostProcess replacement) {
		return processes.stream().map((p) -> (p == old) ? replacement : p).toList();
	}

}
