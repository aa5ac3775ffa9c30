package dev.memplan.budget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerProfile;
import dev.memplan.catalog.ServerVersions;
import dev.memplan.catalog.VariableSpec;
import dev.memplan.catalog.VariableType;
import dev.memplan.core.ByteSize;
import dev.memplan.core.ByteSizeFormatException;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.InputProblem;
import dev.memplan.core.InvalidInputException;
import dev.memplan.core.Origin;
import dev.memplan.core.Severity;
import dev.memplan.core.DiagnosticCode;

/**
 * Turns what the input says into what the server will run with: parse each value in the
 * server's syntax, clamp to its bounds, round down to its block size, compute the start-up
 * defaults ({@code auto}), and round the buffer pool to the server's granule. Every change is
 * a note on the variable, and a warning when the user wrote the value (docs/memory-model.md#normalization).
 */
public final class SettingsNormalizer {

	static final long GIB = 1L << 30;

	private final ServerCatalog catalog;

	public SettingsNormalizer(ServerCatalog catalog) {
		this.catalog = catalog;
	}

	public EffectiveSettings normalize(ServerProfile profile, ServerSettings settings, HostSpec host) {
		List<InputProblem> problems = new ArrayList<>();
		List<Diagnostic> diagnostics = new ArrayList<>(settings.diagnostics());
		Map<String, VariableSpec> specs = this.catalog.variables(profile);
		for (String name : settings.values().keySet()) {
			if (!specs.containsKey(name)) {
				SettingValue value = settings.get(name);
				problems.add(this.catalog.isKnownAnywhere(name)
						? InputProblem.of(name, value.text(), "error.variable.notHere", name, profile.displayName())
						: InputProblem.of(name, value.text(), "error.variable.unknown", name));
			}
		}
		Map<String, EffectiveVariable> effective = new LinkedHashMap<>();
		Map<String, VariableSpec> lacking = new LinkedHashMap<>();
		for (VariableSpec spec : specs.values()) {
			SettingValue given = settings.get(spec.name());
			if (given == null && predates(settings, spec)) {
				lacking.put(spec.name(), spec);
				continue;
			}
			if (given == null && spec.hasComputedDefault()) {
				continue;
			}
			SettingValue value = (given != null) ? given : new SettingValue(spec.defaultValue(), Origin.defaultFor(profile.id()));
			try {
				EffectiveVariable variable = read(spec, value);
				effective.put(spec.name(), variable);
				if (!value.origin().isDefault()) {
					variable.notes().forEach((note) -> diagnostics.add(Diagnostic.about(spec.name(), value.origin(),
							DiagnosticCode.VALUE_ADJUSTED, Severity.WARNING).wordedBy(note.messageKey(), note.args())));
				}
			}
			catch (ByteSizeFormatException ex) {
				problems.add(sizeProblem(spec.name(), value.text(), ex));
			}
			catch (IllegalArgumentException ex) {
				// not a size: an ON/OFF or a word from the variable's list
				problems.add(InputProblem.of(spec.name(), value.text(), "error.variable.word", spec.name(), value.text(),
						String.join(", ", spec.allowedValues().isEmpty() ? List.of("ON", "OFF") : spec.allowedValues())));
			}
		}
		Map<String, Long> keyCaches = new LinkedHashMap<>();
		VariableSpec keyBuffer = specs.get("key_buffer_size");
		settings.namedKeyCaches().forEach((cache, value) -> {
			try {
				keyCaches.put(cache, read(keyBuffer, value).bytes());
			}
			catch (ByteSizeFormatException ex) {
				problems.add(sizeProblem(cache + ".key_buffer_size", value.text(), ex));
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		new StartupDefaults(profile, specs, host).apply(effective, settings, diagnostics);
		return new EffectiveSettings(profile, effective, keyCaches, diagnostics, settings.release(), lacking);
	}

	/**
	 * True when the server is older than the release that brought the variable: a live server
	 * that did not list it, or a dump whose version predates it. A dump may be a selection
	 * (SHOW VARIABLES LIKE ...), so there only the version can say the variable is missing.
	 */
	private static boolean predates(ServerSettings settings, VariableSpec spec) {
		if (spec.fromRelease() == null) {
			return false;
		}
		return settings.isComplete() || ServerVersions.isBefore(settings.release(), spec.fromRelease());
	}

	private static InputProblem sizeProblem(String name, String text, ByteSizeFormatException refused) {
		return InputProblem.of(name, text, "error.variable.size", name, text, refused.reason());
	}

	/**
	 * @throws ByteSizeFormatException for a size or count the server would refuse
	 * @throws IllegalArgumentException for an ON/OFF or a word the variable does not take
	 */
	static EffectiveVariable read(VariableSpec spec, SettingValue value) {
		String text = value.text().strip();
		return switch (spec.type()) {
			case SIZE, COUNT -> readNumber(spec, value.text(), value.origin());
			case BOOLEAN -> new EffectiveVariable(spec, readBoolean(text) ? 1 : 0, readBoolean(text) ? "ON" : "OFF",
					value.origin(), List.of());
			case ENUM -> new EffectiveVariable(spec, 0, readEnum(spec, text), value.origin(), List.of());
		};
	}

	private static EffectiveVariable readNumber(VariableSpec spec, String text, Origin origin) {
		ByteSize parsed = ByteSize.parse(text);
		List<VariableNote> notes = new ArrayList<>();
		long value = clamp(spec, parsed.unsignedBytes(), notes);
		return numeric(spec, value, origin, notes);
	}

	/** The server's order (getopt_ull_limit_value): cap at max, round down to the block, raise to min. */
	static long clamp(VariableSpec spec, long value, List<VariableNote> notes) {
		long result = value;
		if (Long.compareUnsigned(result, spec.max()) > 0) {
			result = spec.max();
			notes.add(VariableNote.of("aboveMaximum", format(spec, result)));
		}
		long remainder = Long.remainderUnsigned(result, spec.blockSize());
		if (remainder != 0) {
			result -= remainder;
			notes.add(VariableNote.of("notAMultiple", format(spec, spec.blockSize()), format(spec, result)));
		}
		if (Long.compareUnsigned(result, spec.min()) < 0) {
			result = spec.min();
			notes.add(VariableNote.of("belowMinimum", format(spec, result)));
		}
		return result;
	}

	static EffectiveVariable numeric(VariableSpec spec, long value, Origin origin, List<VariableNote> notes) {
		return new EffectiveVariable(spec, value, text(spec, value), origin, List.copyOf(notes));
	}

	static String text(VariableSpec spec, long value) {
		return (spec.type() == VariableType.SIZE) ? ByteSize.ofUnsigned(value).toOptionValue() : Long.toUnsignedString(value);
	}

	private static String format(VariableSpec spec, long value) {
		return (spec.type() == VariableType.SIZE) ? ByteSize.formatApproximate(value) : Long.toUnsignedString(value);
	}

	static boolean readBoolean(String text) {
		return switch (text.toUpperCase(Locale.ROOT)) {
			case "ON", "1", "TRUE", "YES" -> true;
			case "OFF", "0", "FALSE", "NO" -> false;
			default -> throw new IllegalArgumentException("not ON or OFF");
		};
	}

	private static String readEnum(VariableSpec spec, String text) {
		for (int index = 0; index < spec.allowedValues().size(); index++) {
			String allowed = spec.allowedValues().get(index);
			if (allowed.equalsIgnoreCase(text) || Integer.toString(index).equals(text)) {
				return allowed;
			}
		}
		throw new IllegalArgumentException("not one of " + spec.allowedValues());
	}

}
