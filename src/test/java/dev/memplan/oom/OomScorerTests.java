package dev.memplan.oom;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked example of docs/oom.md#worked-example, to the point. */
class OomScorerTests {

	private static final long MIB = 1L << 20;

	private static final long GIB = 1L << 30;

	private static final long PAGE = 4096;

	// 1 GiB RAM + 400 MiB swap → totalpages 364544, totalpages / 1000 = 364
	private final List<HostProcess> table = List.of(
			new HostProcess(1200, "mysqld", 27L, 720 * MIB, 180 * MIB, 512 * PAGE, 0),
			new HostProcess(1300, "node", 1000L, 60 * MIB, 0, 75 * PAGE, 300),
			new HostProcess(1400, "php-fpm", 33L, 90 * MIB, 10 * MIB, 100 * PAGE, 0),
			new HostProcess(900, "sshd", 0L, 8 * MIB, 0, 20 * PAGE, -1000));

	@Test
	void reproducesTheWorkedExample() {
		OomRanking ranking = new OomScorer().rank(this.table, GIB, 400 * MIB);
		assertThat(ranking.totalPages()).isEqualTo(364544);
		assertThat(ranking.ranked()).extracting((s) -> s.process().name() + "=" + s.points())
			.containsExactly("mysqld=230912", "node=124635", "php-fpm=25700");
		assertThat(ranking.victim().process().name()).isEqualTo("mysqld");
		assertThat(ranking.unkillable()).extracting(HostProcess::name).containsExactly("sshd");
	}

	@Test
	void mysqldAtMinus600LetsNodeDieFirst() {
		List<HostProcess> adjusted = this.table.stream()
			.map((p) -> p.name().equals("mysqld") ? p.withOomScoreAdj(-600) : p).toList();
		OomRanking ranking = new OomScorer().rank(adjusted, GIB, 400 * MIB);
		assertThat(ranking.victim().process().name()).isEqualTo("node");
		assertThat(ranking.ranked()).extracting(OomRanking.Scored::points).containsExactly(124635L, 25700L, 12512L);
		assertThat(ranking.rankOf("mysqld")).isEqualTo(3);
	}

	@Test
	void computesProcOomScoreAsA59KernelShowsIt() {
		// mysqld: (1000 + 230912 × 1000 / 364544) × 2 / 3 = (1000 + 633) × 2 / 3 = 1088
		assertThat(OomScorer.oomScore(230912, 364544)).isEqualTo(1088);
	}

	@Test
	void breaksTiesInFavourOfTheTaskScannedLast() {
		List<HostProcess> tie = List.of(new HostProcess(10, "a", 0L, 100 * MIB, 0, 0, 0),
				new HostProcess(20, "b", 0L, 100 * MIB, 0, 0, 0));
		assertThat(new OomScorer().rank(tie, GIB, 0).victim().process().name()).isEqualTo("b");
	}

	@Test
	void ranksOnlyTheCgroupsTasksAgainstItsLimit() {
		// a 2 GiB cgroup without swap: totalpages 524288 → /1000 = 524; node at +300 gets 157200 extra
		OomRanking ranking = new OomScorer().rankInCgroup(List.of(this.table.get(0), this.table.get(1)), 2 * GIB, 0);
		assertThat(ranking.totalPages()).isEqualTo(524288);
		assertThat(ranking.ranked()).extracting(OomRanking.Scored::points).containsExactly(230912L, 15360L + 75 + 300 * 524);
	}

}
