package dev.memplan.oom;

import java.util.ArrayList;
import java.util.List;

import dev.memplan.core.ByteSize;
import dev.memplan.core.Message;

/**
 * One line per kill (docs/oom.md#diagnosis): who grew — the largest process that was not the
 * victim — and whether the database was the cause or only the victim.
 *
 * @param code picks the wording ({@code host.diagnosis.CODE})
 * @param args the names and sizes it names, null where the log did not say
 * @param message the English, from the bundle
 */
public record OomDiagnosis(String code, List<String> args, String message) {

	/** Another process this large beside the victim is a suspect: a fifth of RAM, or half the victim. */
	static final int LARGE_SHARE_OF_RAM = 5;

	/** Growth between kills that counts: 10 %. */
	static final double GROWTH = 1.10;

	/** One diagnosis per event (null for an event without a victim), in one pass over the paste. */
	public static List<OomDiagnosis> all(List<OomEvent> events) {
		// the first and the last size of each program that was the largest besides the victim
		java.util.Map<String, long[]> sizes = new java.util.HashMap<>();
		Long ram = null;
		for (OomEvent e : events) {
			OomEvent.Task other = e.largestOtherTask();
			if (other != null) {
				long[] firstLastCount = sizes.computeIfAbsent(other.name(), (k) -> new long[] { other.residentBytes(), 0, 0 });
				firstLastCount[1] = other.residentBytes();
				firstLastCount[2]++;
			}
			ram = (ram != null) ? ram : e.ramBytes();
		}
		List<OomDiagnosis> diagnoses = new ArrayList<>(events.size());
		for (OomEvent e : events) {
			diagnoses.add(of(e, sizes, ram));
		}
		return java.util.Collections.unmodifiableList(diagnoses);
	}

	private static OomDiagnosis of(OomEvent event, java.util.Map<String, long[]> sizes, Long pasteRam) {
		OomEvent.Victim victim = event.victim();
		if (victim == null) {
			return null;
		}
		OomEvent.Task row = event.victimRow();
		Long victimBytes = (victim.residentBytes() != null) ? victim.residentBytes() : (row != null) ? row.residentBytes() : null;
		OomEvent.Task other = event.largestOtherTask();
		Long ram = (event.ramBytes() != null) ? event.ramBytes() : pasteRam;
		String name = victim.comm();
		if (Databases.isDatabase(name)) {
			if (other == null) {
				return make("DB_VICTIM_NO_TABLE", name, size(victimBytes));
			}
			long[] growth = sizes.get(other.name());
			if (growth != null && growth[2] >= 2 && growth[1] >= growth[0] * GROWTH) {
				return make("DB_VICTIM_OTHER_GREW", name, size(victimBytes), other.name(), size(growth[0]), size(growth[1]));
			}
			boolean large = (ram != null && other.residentBytes() * LARGE_SHARE_OF_RAM >= ram)
					|| (victimBytes != null && other.residentBytes() * 2 >= victimBytes);
			return make(large ? "DB_VICTIM_OTHER_LARGE" : "DB_CAUSE", name, size(victimBytes), other.name(), size(other.residentBytes()));
		}
		OomEvent.Task database = event.databaseRow();
		String otherName = (other != null) ? other.name() : null;
		String otherSize = (other != null) ? size(other.residentBytes()) : null;
		if (database != null) {
			return make("OTHER_VICTIM_DB", name, size(victimBytes), database.name(), size(database.residentBytes()), size(database.swapBytes()),
					otherName, otherSize);
		}
		return make("OTHER_VICTIM", name, size(victimBytes), otherName, otherSize);
	}

	private static String size(Long bytes) {
		return (bytes != null) ? ByteSize.formatApproximate(bytes) : null;
	}

	private static OomDiagnosis make(String code, String... args) {
		List<String> list = java.util.Arrays.asList(args);
		return new OomDiagnosis(code, java.util.Collections.unmodifiableList(list), english(code, list));
	}

	/** The same sentence the English host page shows ({@code host.diagnosis.<CODE>}), what the log did not say as {@code host.notLogged}. */
	private static String english(String code, List<String> args) {
		String notLogged = Message.english("host.notLogged", new Object[0]);
		return Message.english("host.diagnosis." + code, args.stream().map((arg) -> (arg != null) ? arg : notLogged).toArray());
	}

}
