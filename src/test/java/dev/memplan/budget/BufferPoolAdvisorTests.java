package dev.memplan.budget;

import org.junit.jupiter.api.Test;

import dev.memplan.support.ExpectedBudget;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.core.Origin;

import static org.assertj.core.api.Assertions.assertThat;

class BufferPoolAdvisorTests {

	private static final long MIB = 1L << 20;

	private static final long GIB = 1L << 30;

	private final ServerCatalog catalog = ServerCatalog.standard();

	private final BufferPoolAdvisor advisor = new BufferPoolAdvisor(this.catalog, TierTable.standard());

	private Recommendation recommend(String server, long ram, ServerSettings settings) {
		return this.advisor.recommend(this.catalog.require(server), settings, HostSpec.ofRam(ram), null);
	}

	@Test
	void roundsDownToWholeChunksTimesInstancesOnMySql() {
		// 7.5 GiB × 72 % = 5798205849; pool ≥ 1 GiB → 8 instances × 128 MiB = 1 GiB granule → 5 GiB
		Recommendation recommendation = recommend("mysql-8.0", 8053063680L, ServerSettings.empty());
		assertThat(recommendation.tier().instanceClass()).isEqualTo("db.m1.large");
		assertThat(recommendation.poolRatioPercent()).isEqualTo(72);
		assertThat(recommendation.granuleBytes()).isEqualTo(GIB);
		assertThat(recommendation.bufferPoolBytes()).isEqualTo(5 * GIB);
	}

	@Test
	void roundsDownToOneMebibyteOnMariaDb1011() {
		// 5798205849 / 2^20 = 5529.6 → 5529 MiB
		Recommendation recommendation = recommend("mariadb-10.11", 8053063680L, ServerSettings.empty());
		assertThat(recommendation.bufferPoolBytes()).isEqualTo(5529 * MIB);
	}

	@Test
	void roundsDownToChunksOnMariaDb106() {
		// 5529.6 MiB / 128 MiB = 43.2 → 43 × 128 MiB
		assertThat(recommend("mariadb-10.6", 8053063680L, ServerSettings.empty()).bufferPoolBytes()).isEqualTo(43 * 128 * MIB);
	}

	@Test
	void givesTheSecondOpinions() {
		Recommendation recommendation = recommend("mysql-8.0", 16 * GIB, ServerSettings.empty());
		assertThat(recommendation.dedicatedServerBufferPoolBytes()).isEqualTo(12 * GIB); // > 4 GiB: 75 %
		assertThat(recommendation.rdsDefaultBufferPoolBytes()).isEqualTo(12 * GIB); // 3/4 of 16 GiB, nothing reserved
		assertThat(StartupDefaults.dedicatedServerPool(512 * MIB)).isEqualTo(128 * MIB); // < 1 GiB
		assertThat(StartupDefaults.dedicatedServerPool(4 * GIB)).isEqualTo(2 * GIB); // 1–4 GiB: 50 %
	}

	@Test
	void solvesForTheLargestMaxConnectionsThatFits() {
		// 16 GiB: tier db.m1.xlarge 73 % → 12541304504 → 11 GiB (1 GiB granule)
		// global = 11 GiB + 5 % (590558003) + 16M log + 8M key + 128M P_S + 1G TempTable = 13634843443, + open tables
		// limit = 14602888806; N = floor((limit − global) / per connection) − 1 (ExpectedBudget)
		Recommendation recommendation = recommend("mysql-8.0", 16 * GIB, ServerSettings.empty());
		assertThat(recommendation.bufferPoolBytes()).isEqualTo(11 * GIB);
		assertThat(recommendation.budgetWithRecommendation().globalBytes()).isEqualTo(ExpectedBudget.mysql80GlobalWith11GiBPool());
		long n = ExpectedBudget.mysql80ConnectionsThatFitOn16GiB();
		assertThat(recommendation.maxConnectionsThatFit()).isEqualTo(n).isPositive();
		Budget check = recommendation.budgetWithRecommendation();
		long worstAtN = check.globalBytes() + (n + 1) * check.perConnectionBytes();
		long worstAtNPlusOne = check.globalBytes() + (n + 2) * check.perConnectionBytes();
		assertThat(worstAtN).isLessThanOrEqualTo(check.budgetLimitBytes());
		assertThat(worstAtNPlusOne).isGreaterThan(check.budgetLimitBytes());
	}

	@Test
	void answersZeroWhenTheGlobalBuffersAloneExceedTheLimit() {
		ServerSettings settings = ServerSettings.empty().set("key_buffer_size", "4G", Origin.request());
		Recommendation recommendation = recommend("mariadb-10.11", 2 * GIB, settings);
		assertThat(recommendation.maxConnectionsThatFit()).isZero();
	}

}
