import java.util.Arrays;

import dev.memplan.budget.HostSpec;
import dev.memplan.budget.Planner;
import dev.memplan.budget.ServerSettings;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.core.Origin;
import dev.memplan.optionfile.OptionFile;
import dev.memplan.optionfile.OptionFileImporter;

/**
 * In-process cost of one plan (normalize + budget + recommendation + advice), and of reading a
 * typical my.cnf first. Run: java -cp target/classes bench/PlanBench.java
 * Prints the median of 15 rounds of 20,000 plans each, after a warm-up.
 */
public class PlanBench {

	public static void main(String[] args) {
		ServerCatalog catalog = ServerCatalog.standard();
		Planner planner = Planner.standard();
		ServerSettings settings = ServerSettings.empty().set("max_connections", "500", Origin.request())
			.set("sort_buffer_size", "4M", Origin.request()).set("innodb_buffer_pool_size", "12G", Origin.request());
		HostSpec host = HostSpec.ofRam(16L << 30).withExpectedConnections(120L);
		String mycnf = "[mysqld]\ninnodb_buffer_pool_size = 12G\nmax_connections = 500 # peak\nsort_buffer_size=4M\n"
				+ "join_buffer_size=1M\ntmp_table_size=64M\nmax_heap_table_size=64M\nlog_bin=mysql-bin\n[client]\nport=3306\n";
		OptionFileImporter importer = new OptionFileImporter(catalog);
		int rounds = 15;
		int perRound = 20_000;
		double[] plan = new double[rounds];
		double[] importAndPlan = new double[rounds];
		long sink = 0;
		for (int warm = 0; warm < 5; warm++) {
			for (int i = 0; i < perRound; i++) {
				sink += planner.plan(catalog.require("mysql-8.0"), settings, host).budget().worstCaseBytes();
			}
		}
		for (int r = 0; r < rounds; r++) {
			long start = System.nanoTime();
			for (int i = 0; i < perRound; i++) {
				sink += planner.plan(catalog.require("mysql-8.0"), settings, host).budget().worstCaseBytes();
			}
			plan[r] = (System.nanoTime() - start) / (double) perRound;
			start = System.nanoTime();
			for (int i = 0; i < perRound; i++) {
				ServerSettings read = importer.read(java.util.List.of(new OptionFile("my.cnf", mycnf)), catalog.require("mysql-8.0"), null)
					.settings();
				sink += planner.plan(catalog.require("mysql-8.0"), read, host).budget().worstCaseBytes();
			}
			importAndPlan[r] = (System.nanoTime() - start) / (double) perRound;
		}
		Arrays.sort(plan);
		Arrays.sort(importAndPlan);
		System.out.printf("plan (form values):        median %.1f µs  (min %.1f, max %.1f) over %d rounds of %d%n",
				plan[rounds / 2] / 1000, plan[0] / 1000, plan[rounds - 1] / 1000, rounds, perRound);
		System.out.printf("read my.cnf + plan:        median %.1f µs  (min %.1f, max %.1f)%n", importAndPlan[rounds / 2] / 1000,
				importAndPlan[0] / 1000, importAndPlan[rounds - 1] / 1000);
		System.out.println("(checksum " + sink % 1000 + ")");
	}

}
