package dev.memplan.budget;

public enum Verdict {
	/** The worst case stays within the budget limit. */
	FITS,
	/** The worst case passes the limit but not the host's RAM (or the expected peak passes the limit). */
	TIGHT,
	/** The worst case passes the host's RAM: a connection storm can drive the host into the OOM killer. */
	OVERCOMMITTED
}
