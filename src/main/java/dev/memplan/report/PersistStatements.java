package dev.memplan.report;

import dev.memplan.budget.Budget;
import dev.memplan.budget.Plan;
import dev.memplan.budget.Recommendation;

/**
 * The recommendation as {@code SET PERSIST} statements for MySQL 8.0+. innodb_buffer_pool_size
 * resizes online; max_connections applies to new connections. Values in bytes, as SET takes them.
 */
public final class PersistStatements {

	private PersistStatements() {
	}

	public static String of(Plan plan) {
		Recommendation r = plan.recommendation();
		Budget b = r.budgetWithRecommendation();
		if (!(plan.profile().isMySql() && plan.profile().isAtLeast(8, 0))) {
			return "-- SET PERSIST exists on MySQL 8.0 and later only; for " + plan.profile().displayName()
					+ " use the my.cnf snippet.\n";
		}
		return "-- memplan for " + plan.profile().displayName() + ": " + r.poolRatioPercent() + " % buffer pool, "
				+ r.maxConnectionsThatFit() + " connections within a " + b.budgetLimitBytes() + "-byte limit\n"
				+ "SET PERSIST innodb_buffer_pool_size = " + r.bufferPoolBytes() + ";  -- resized online, in chunks\n"
				+ "SET PERSIST max_connections = " + r.maxConnectionsThatFit() + ";\n";
	}

}
