package dev.memplan.budget;

import java.util.List;

/**
 * The solver's answer: the option memplan recommends (the one the exports carry) and the
 * alternatives a DBA may prefer, each with its numbers.
 */
public record Solution(ConnectionDemand demand, ChangeSet chosen, List<ChangeSet> alternatives) {

	public Solution {
		alternatives = List.copyOf(alternatives);
	}

	/** The chosen option first, then the alternatives. */
	public List<ChangeSet> options() {
		List<ChangeSet> options = new java.util.ArrayList<>();
		options.add(this.chosen);
		options.addAll(this.alternatives);
		return options;
	}

}
