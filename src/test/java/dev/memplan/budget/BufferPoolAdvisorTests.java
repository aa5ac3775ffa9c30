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
	void laysThePoolOutSoRoundingCostsAtMostThreePercentOnMySql() {
		// 7.5 GiB × 72 % = 5798205849 → 5529 MiB wanted. 8 × 128 MiB (1 GiB) would keep 5120 MiB, 7.4 % lost;
		// 4 × 128 MiB keeps 5120 MiB too; 2 × 128 MiB (256 MiB) keeps 5376 MiB, 2.8 % lost ≤ 3 % (PoolLayout)
		Recommendation recommendation = recommend("mysql-8.0", 8053063680L, ServerSettings.empty());
		assertThat(recommendation.tier().instanceClass()).isEqualTo("db.m1.large");
		assertThat(recommendation.poolRatioPercent()).isEqualTo(72);
		assertThat(recommendation.granuleBytes()).isEqualTo(256 * MIB);
		assertThat(recommendation.bufferPoolBytes()).isEqualTo(5376 * MIB);
		assertThat(recommendation.target().rule()).isEqualTo(PoolTarget.Rule.TIER_RATIO);
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
		// 16 GiB: tier db.m1.xlarge 73 % → 12541304504 → 11960 MiB wanted; 8 × 128 MiB keeps 11264 MiB (5.8 % lost),
		// 4 × 128 MiB (512 MiB) keeps 11776 MiB (1.5 % lost)
		// global = 11776 MiB + 5 % + 16M log + 8M key + 128M P_S + 1G TempTable = 14198557900, + open tables, + 1G
		// TempTable mapped overflow at 8.0's default: past the limit (14602888806) before any connection, so 0 fit
		Recommendation stock = recommend("mysql-8.0", 16 * GIB, ServerSettings.empty());
		assertThat(stock.budgetWithRecommendation().globalBytes()).isEqualTo(ExpectedBudget.mysql80GlobalWithRecommendedPool());
		assertThat(stock.maxConnectionsThatFit()).isZero().isEqualTo(ExpectedBudget.mysql80ConnectionsThatFitOn16GiB());
		// with the overflow off (temptable_max_mmap = 0): N = floor((limit − global) / per connection) − 1 (ExpectedBudget)
		ServerSettings noOverflow = ServerSettings.empty().set("temptable_max_mmap", "0", Origin.request());
		Recommendation recommendation = recommend("mysql-8.0", 16 * GIB, noOverflow);
		assertThat(recommendation.bufferPoolBytes()).isEqualTo(11776 * MIB);
		assertThat(recommendation.budgetWithRecommendation().globalBytes())
			.isEqualTo(ExpectedBudget.mysql80GlobalWithRecommendedPool() - ExpectedBudget.mysql80MappedOverflow());
		long n = ExpectedBudget.mysql80ConnectionsThatFitOn16GiBWithoutOverflow();
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

	@Test
	void aboveTheLastRowThePoolIsRamLessTheReserveTheConfigurationNeeds() {
		// 128 GiB, MariaDB 10.11 defaults (151 connections): not a flat 75 % (96 GiB) but everything the budget limit
		// leaves after the other global memory and the connections, in 1 MiB steps (docs/memory-model.md#tier-table)
		long ram = 128 * GIB;
		Plan plan = Planner.standard().plan(this.catalog.require("mariadb-10.11"), ServerSettings.empty(), HostSpec.ofRam(ram));
		Recommendation recommendation = plan.recommendation();
		PoolTarget target = recommendation.target();
		assertThat(target.rule()).isEqualTo(PoolTarget.Rule.RAM_LESS_RESERVE);
		long limit = BudgetCalculator.budgetLimit(HostSpec.ofRam(ram)); // floor(0.85 × 128 GiB)
		assertThat(target.outsideLimitBytes()).isEqualTo(ram - limit);
		assertThat(target.bytes() + target.reserveBytes()).isEqualTo(ram);
		Budget budget = recommendation.budgetWithRecommendation();
		assertThat(budget.worstCaseBytes()).isLessThanOrEqualTo(limit);
		assertThat(limit - budget.worstCaseBytes()).as("less than one 1 MiB step is left over").isLessThan(MIB);
		// stock MariaDB's ceiling at 151 connections is about 15.7 GiB, so a flat 75 % (96 GiB) would pass the limit
		assertThat(recommendation.bufferPoolBytes()).isGreaterThan(51 * GIB).isLessThan(ram / 100 * 75);
		assertThat(plan.solution().chosen().bufferPoolBytes()).isEqualTo(recommendation.bufferPoolBytes());
		assertThat(plan.solution().chosen().replanned().verdict()).isEqualTo(Verdict.FITS);
	}

	@Test
	void onABigHostTheReserveIsASmallShareOfRam() {
		// 512 GiB: the 15 % outside the limit plus the same ~15.7 GiB for the other memory: above 80 %, where a
		// flat 75 % left 128 GiB idle
		Recommendation recommendation = Planner.standard()
			.plan(this.catalog.require("mariadb-10.11"), ServerSettings.empty(), HostSpec.ofRam(512 * GIB)).recommendation();
		assertThat(recommendation.bufferPoolBytes()).isGreaterThan(512 * GIB / 100 * 80);
		assertThat(recommendation.poolRatioPercent()).isBetween(81, 85);
	}

	@Test
	void aboveTheLastRowThePoolNeverFallsBelowTheLastRowsOwnPool() {
		// 4000 connections with 64M sort buffers cannot fit beside any pool on 70 GiB: the target stays at the
		// 68G row's 51 GiB (75 % of 68 GiB) and the solver trades buffers, as on smaller hosts
		ServerSettings settings = ServerSettings.empty().set("max_connections", "4000", Origin.request())
			.set("sort_buffer_size", "64M", Origin.request());
		Plan plan = Planner.standard().plan(this.catalog.require("mysql-8.0"), settings, HostSpec.ofRam(70 * GIB));
		assertThat(plan.recommendation().target().bytes()).isEqualTo(51 * GIB);
	}

	@Test
	void saysWhichRuleOfTheTableApplied() {
		assertThat(recommend("mysql-8.0", 512 * MIB, ServerSettings.empty()).target().rule()).isEqualTo(PoolTarget.Rule.BELOW_SMALLEST_ROW);
		assertThat(recommend("mysql-8.0", 16 * GIB, ServerSettings.empty()).target().rule()).isEqualTo(PoolTarget.Rule.TIER_RATIO);
		// 17.1G: 70 % = 11.97 GiB, below the 12.48 GiB (73 % of 17.1G) the row before reached: carried over
		assertThat(recommend("mysql-8.0", (long) (17.1 * GIB), ServerSettings.empty()).target().rule()).isEqualTo(PoolTarget.Rule.CARRIED_OVER);
	}

}
