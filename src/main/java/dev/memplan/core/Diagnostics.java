package dev.memplan.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Lists of findings as a reader wants them: the same problem said once, with its count and its lines. */
public final class Diagnostics {

	/** How many of a repeated finding's other places are named; the count says how many there were in all. */
	static final int PLACES_NAMED = 8;

	private Diagnostics() {
	}

	/**
	 * One diagnostic per problem, in the order each was first found: findings with the same code,
	 * severity, variable, values and wording, differing only in where they were found, become one
	 * with {@code occurrences} and the first {@value #PLACES_NAMED} other places. Linear in the list.
	 */
	public static List<Diagnostic> grouped(List<Diagnostic> diagnostics) {
		Map<Key, Group> groups = new LinkedHashMap<>();
		for (Diagnostic diagnostic : diagnostics) {
			Key key = new Key(diagnostic.code(), diagnostic.severity(), diagnostic.variable(), diagnostic.args(), diagnostic.messageKey(),
					diagnostic.origin() == null);
			Group group = groups.get(key);
			if (group == null) {
				groups.put(key, new Group(diagnostic));
			}
			else {
				group.add(diagnostic);
			}
		}
		List<Diagnostic> result = new ArrayList<>(groups.size());
		groups.values().forEach((group) -> result.add(group.diagnostic()));
		return result;
	}

	/** A finding without a place is grouped only with others without one: "said once" is enough for those. */
	private record Key(DiagnosticCode code, Severity severity, String variable, List<String> args, String messageKey,
			boolean placeless) {
	}

	private static final class Group {

		private final Diagnostic first;

		private final List<Origin> others = new ArrayList<>();

		private int count;

		Group(Diagnostic first) {
			this.first = first;
			this.count = first.occurrences();
		}

		void add(Diagnostic diagnostic) {
			this.count += diagnostic.occurrences();
			if (diagnostic.origin() != null && this.others.size() < PLACES_NAMED
					&& !Objects.equals(diagnostic.origin(), this.first.origin()) && !this.others.contains(diagnostic.origin())) {
				this.others.add(diagnostic.origin());
			}
		}

		Diagnostic diagnostic() {
			return (this.count == 1) ? this.first : this.first.repeated(this.count, this.others);
		}

	}

}
