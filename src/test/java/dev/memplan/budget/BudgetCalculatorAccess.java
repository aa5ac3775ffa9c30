package dev.memplan.budget;

import dev.memplan.catalog.ServerCatalog;

/** For tests in other packages: a budget with given measured terms (the calculator's constructor is package-private). */
public final class BudgetCalculatorAccess {

	private BudgetCalculatorAccess() {
	}

	public static Budget mariadbDefaults(MemoryTerms terms) {
		ServerCatalog catalog = ServerCatalog.standard();
		HostSpec host = HostSpec.ofRam(16L << 30);
		EffectiveSettings effective = new SettingsNormalizer(catalog).normalize(catalog.require("mariadb-10.11"), ServerSettings.empty(), host);
		return new BudgetCalculator(terms).calculate(effective, host, null);
	}

}
