package dev.memplan.budget;

import dev.memplan.catalog.ServerCatalog;

/** For tests in other packages: a budget with given measured terms (the calculator's constructor is package-private). */
public final class BudgetCalculatorAccess {

	private BudgetCalculatorAccess() {
	}

	public static Budget mariadbDefaults(MemoryTerms terms) {
		return defaults("mariadb-10.11", terms);
	}

	/** A profile's defaults (e.g. mysql-8.0) on a 16 GiB host. */
	public static Budget defaults(String profile, MemoryTerms terms) {
		ServerCatalog catalog = ServerCatalog.standard();
		HostSpec host = HostSpec.ofRam(16L << 30);
		EffectiveSettings effective = new SettingsNormalizer(catalog).normalize(catalog.require(profile), ServerSettings.empty(), host);
		return new BudgetCalculator(terms).calculate(effective, host, null);
	}

}
