package dev.memplan.app;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.memplan.budget.Verdict;
import dev.memplan.core.DiagnosticCode;

import static org.assertj.core.api.Assertions.assertThat;

/** A mysqld_multi file and no instance chosen: every instance is planned, the worst first, and no plan is of defaults alone. */
class InstancePlanningTests {

	private static final String MULTI = """
			[mysqld_multi]
			mysqld = /usr/bin/mysqld_safe
			[mysqld]
			sort_buffer_size = 1M
			[mysqld3306]
			port = 3306
			innodb_buffer_pool_size = 12G
			max_connections = 2000
			tmp_table_size = 64M
			max_heap_table_size = 64M
			[mysqld3307]
			port = 3307
			innodb_buffer_pool_size = 1G
			max_connections = 100
			""";

	private final PlanService service = new PlanService();

	private final PlanQuery host = PlanQuery.EMPTY.withHostRam("16G").withServer("mysql-8.0");

	@Test
	void plansEveryInstanceAndShowsTheWorst() {
		PlanResult result = this.service.plan(this.host, new ImportRequest(null, Map.of("my.cnf", MULTI), null, null));
		assertThat(result.instances()).containsExactly("mysqld3306", "mysqld3307");
		assertThat(result.instancePlans()).extracting(InstancePlan::instance).containsExactly("mysqld3306", "mysqld3307");
		// the plan shown is [mysqld3306]'s: its 12G pool and 2000 connections, not the defaults' 128M and 151
		assertThat(result.instance()).isEqualTo("mysqld3306");
		assertThat(result.plan().settings().bytes("innodb_buffer_pool_size")).isEqualTo(12L << 30);
		assertThat(result.plan().budget().connectionSlots()).isEqualTo(2001);
		assertThat(result.plan().budget().verdict()).isEqualTo(Verdict.OVERCOMMITTED);
		assertThat(result.instancePlans().get(1).plan().budget().verdict()).isEqualTo(Verdict.FITS);
		assertThat(result.instancePlans().get(1).plan().settings().bytes("sort_buffer_size")).isEqualTo(1L << 20); // the shared group
		assertThat(result.instancesTogetherBytes()).isEqualTo(result.instancePlans().get(0).plan().budget().worstCaseBytes()
				+ result.instancePlans().get(1).plan().budget().worstCaseBytes());
		assertThat(result.plan().diagnostics().get(0).code()).isEqualTo(DiagnosticCode.INSTANCES_PLANNED);
		assertThat(result.plan().diagnostics()).extracting((d) -> d.code()).doesNotContain(DiagnosticCode.INSTANCES_FOUND);
		// the permalink reproduces the instance shown without the file
		assertThat(result.permalink()).contains("innodb_buffer_pool_size=12G").contains("max_connections=2000");
		assertThat(result.instancePlans().get(1).permalink(null)).contains("innodb_buffer_pool_size=1G");
	}

	@Test
	void aChosenInstanceIsPlannedAlone() {
		PlanResult result = this.service.plan(this.host, new ImportRequest(null, Map.of("my.cnf", MULTI), null, "mysqld3307"));
		assertThat(result.instance()).isEqualTo("mysqld3307");
		assertThat(result.instancePlans()).isEmpty();
		assertThat(result.plan().budget().verdict()).isEqualTo(Verdict.FITS);
	}

	@Test
	void manyInstancesOfManyOptionsArePlannedWithinABound() {
		// 40 instances and 20,000 options: 400,000 / 20,000 = 20 affordable, 16 planned; all 40 offered
		StringBuilder text = new StringBuilder("[mysqld]\n");
		text.append("sort_buffer_size=1M\n".repeat(20_000 - 40));
		for (int i = 0; i < 40; i++) {
			text.append("[mysqld").append(3300 + i).append("]\nmax_connections=").append(100 + i).append('\n');
		}
		PlanResult result = this.service.plan(this.host, new ImportRequest(null, Map.of("my.cnf", text.toString()), null, null));
		assertThat(result.instances()).hasSize(40);
		assertThat(result.instancePlans()).hasSize(16);
		assertThat(result.instance()).isEqualTo("mysqld3315"); // the most connections among the 16 planned
	}

	@Test
	void noInstancesNoInstancePlans() {
		PlanResult result = this.service.plan(this.host, new ImportRequest("[mysqld]\nmax_connections=100\n", Map.of(), null, null));
		assertThat(result.instance()).isNull();
		assertThat(result.instancePlans()).isEmpty();
	}

}
