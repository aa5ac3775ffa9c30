package dev.memplan.report;

import java.util.List;

import dev.memplan.budget.Budget;
import dev.memplan.budget.EffectiveSettings;
import dev.memplan.budget.MemoryCaps;
import dev.memplan.budget.MemoryTerms;
import dev.memplan.core.ByteSize;

/**
 * The memory caps as an option at the end of the snippet: commented out, with their trade-off and the ordinary
 * work they let through; in words instead when no caps that let it through fit the limit.
 */
final class CapSnippet {

	private CapSnippet() {
	}

	static String write(EffectiveSettings settings, Budget budget, long mustServe) {
		MemoryCaps caps = MemoryCaps.recommend(settings, budget, MemoryTerms.standard(), mustServe);
		if (caps == null) {
			MemoryCaps.CannotFit cannot = MemoryCaps.cannotFit(settings, budget, MemoryTerms.standard(), mustServe);
			if (cannot != null) {
				// caps below ordinary work would close ordinary connections: say so instead of writing them
				return "# " + EnglishText.of("snippet.caps.cannotFit", List.of(ByteSize.formatApproximate(cannot.ordinary().statementBytes()),
						ByteSize.formatApproximate(cannot.cappedWorstCaseBytes()), ByteSize.formatApproximate(cannot.budgetLimitBytes()))) + "\n";
			}
			String from = MemoryCaps.missingFrom(settings);
			// an 8.0 before the caps: say that nothing server-side bounds the connections, not just nothing
			return (from != null) ? "# " + EnglishText.of("snippet.caps.none", List.of(settings.release(), from)) + "\n" : "";
		}
		StringBuilder text = new StringBuilder("# Option: let the server enforce the ceiling. A statement or connection over the cap fails\n")
			.append("# with an error instead of the host running out of memory; with these caps the ceiling is ")
			.append(ByteSize.formatApproximate(caps.cappedWorstCaseBytes())).append(".\n");
		text.append("# ").append(EnglishText.of((caps.ordinaryAtOnce() != null) ? "snippet.caps.ordinary.global" : "snippet.caps.ordinary",
				List.of(ByteSize.formatApproximate(caps.ordinary().statementBytes()), String.valueOf(caps.ordinaryAtOnce()),
						String.valueOf(caps.mustServe()))))
			.append('\n');
		if (caps.fromRelease() != null) {
			text.append("# ").append(EnglishText.of("snippet.caps.fromRelease", List.of(caps.fromRelease()))).append('\n');
		}
		for (String[] line : caps.lines()) {
			String value = line[1].chars().allMatch(Character::isDigit) ? ByteSize.ofBytes(Long.parseLong(line[1])).toOptionValue() : line[1];
			text.append("# ").append(line[0]).append(" = ").append(value).append('\n');
		}
		return text.toString();
	}

}
