package dev.memplan.app;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerProfile;
import dev.memplan.core.ByteSize;
import dev.memplan.core.ByteSizeFormatException;
import dev.memplan.core.InputProblem;
import dev.memplan.core.InvalidInputException;
import dev.memplan.core.Origin;
import dev.memplan.budget.Allocator;
import dev.memplan.budget.BudgetCalculator;
import dev.memplan.budget.HostSpec;
import dev.memplan.budget.ServerSettings;
import dev.memplan.budget.SettingsNormalizer;
import dev.memplan.budget.Workload;

/** Validates a {@link PlanQuery}, naming every bad field at once. */
public final class PlanQueryReader {

	private static final long MAX_EXPECTED_CONNECTIONS = 1_000_000;

	private final ServerCatalog catalog;

	private final SettingsNormalizer normalizer;

	public PlanQueryReader(ServerCatalog catalog) {
		this.catalog = catalog;
		this.normalizer = new SettingsNormalizer(catalog);
	}

	/** @param allowFewerConnections the user lets the recommendation lower max_connections (never below the load) */
	public record ReadQuery(ServerProfile profile, ServerSettings settings, HostSpec host, boolean allowFewerConnections) {
	}

	public ReadQuery read(PlanQuery query, ServerSettings imported) {
		List<InputProblem> problems = new ArrayList<>();
		ServerProfile profile = readServer(query.server(), problems);
		Long ram = readHostRam(query.hostRam(), problems);
		Integer cpus = readCount("hostCpus", query.hostCpus(), 1, 4096, problems).map(Long::intValue).orElse(null);
		Long expected = readCount("expectedConnections", query.expectedConnections(), 0, MAX_EXPECTED_CONNECTIONS, problems)
				.orElse(null);
		BigDecimal share = readShare(query.mysqlShare(), problems);
		long reserved = readReserved(query.reservedForOtherProcesses(), problems);
		Workload workload = readWorkload(query.assumptions(), problems);
		ServerSettings settings = ServerSettings.empty().overrideWith(imported);
		query.variables().forEach((name, value) -> {
			if (value != null && !value.isBlank()) {
				settings.set(name, value, Origin.request());
			}
		});
		if (ram != null && share != null && BudgetCalculator.budgetLimit(new HostSpec(ram, null, null, share, 0)) <= reserved) {
			problems.add(InputProblem.of("reservedForOtherProcesses", query.reservedForOtherProcesses(), "error.reserved.tooLarge"));
		}
		if (!problems.isEmpty()) {
			problems.addAll(variableProblems(profile, settings));
			throw new InvalidInputException(problems);
		}
		return new ReadQuery(profile, settings, new HostSpec(ram, cpus, expected, share, reserved, workload),
				isYes(query.allowFewerConnections()));
	}

	/** A checkbox or a JSON boolean: "true", "on", "1" or "yes" allow; anything else keeps max_connections. */
	private static boolean isYes(String text) {
		return text != null && List.of("true", "on", "1", "yes").contains(text.strip().toLowerCase(java.util.Locale.ROOT));
	}

	/** The statements' assumptions: every field optional, each checked like the host fields. */
	private static Workload readWorkload(PlanQuery.Assumptions assumptions, List<InputProblem> problems) {
		Integer tempTables = readCount("tempTablesPerStatement", assumptions.tempTablesPerStatement(), 1, 64, problems)
			.map(Long::intValue).orElse(null);
		Long packet = null;
		if (!PlanQuery.isBlank(assumptions.largestPacket())) {
			try {
				packet = ByteSize.parse(assumptions.largestPacket().strip()).toLongExact();
			}
			catch (ByteSizeFormatException | ArithmeticException ex) {
				problems.add(InputProblem.of("largestPacket", assumptions.largestPacket(), "error.largestPacket"));
			}
		}
		Allocator allocator = null;
		if (!PlanQuery.isBlank(assumptions.allocator())) {
			allocator = Allocator.parse(assumptions.allocator());
			if (allocator == null) {
				problems.add(InputProblem.of("allocator", assumptions.allocator(), "error.allocator"));
			}
		}
		return new Workload(tempTables, packet, allocator);
	}

	/** So that a bad host field does not hide a bad variable: the user sees every problem at once. */
	private List<InputProblem> variableProblems(ServerProfile profile, ServerSettings settings) {
		try {
			this.normalizer.normalize(profile, settings, HostSpec.ofRam(1L << 30));
			return List.of();
		}
		catch (InvalidInputException ex) {
			return ex.problems();
		}
	}

	private ServerProfile readServer(String server, List<InputProblem> problems) {
		String id = (server == null || server.isBlank()) ? PlanQuery.DEFAULT_SERVER : server;
		Optional<ServerProfile> profile = this.catalog.profile(id);
		if (profile.isEmpty()) {
			String known = this.catalog.profiles().stream().map(ServerProfile::id).collect(Collectors.joining(", "));
			problems.add(InputProblem.of("server", server, "error.server", known));
			return this.catalog.require(PlanQuery.DEFAULT_SERVER);
		}
		return profile.get();
	}

	private static Long readHostRam(String text, List<InputProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(InputProblem.of("hostRam", text, "error.hostRam.required"));
			return null;
		}
		try {
			long ram = ByteSize.parseHostMemory(text).toLongExact();
			if (ram < (64L << 20)) {
				problems.add(InputProblem.of("hostRam", text, "error.hostRam.min"));
				return null;
			}
			return ram;
		}
		catch (ByteSizeFormatException ex) {
			problems.add(InputProblem.of("hostRam", text, "error.hostRam", text, ex.reason()));
			return null;
		}
	}

	private static Optional<Long> readCount(String field, String text, long min, long max, List<InputProblem> problems) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			long value = Long.parseLong(text.strip());
			if (value < min || value > max) {
				problems.add(InputProblem.of(field, text, "error.range", min, max));
				return Optional.empty();
			}
			return Optional.of(value);
		}
		catch (NumberFormatException ex) {
			problems.add(InputProblem.of(field, text, "error.whole", text));
			return Optional.empty();
		}
	}

	/** A plain decimal with few digits: exponents ({@code 1e-100000000}) never reach BigDecimal's arithmetic. */
	private static final Pattern SHARE = Pattern.compile("(\\d{1,3}(\\.\\d{0,6})?|\\.\\d{1,6})");

	/** MySQL's smallest share: below 1 % nothing is left to plan with. */
	private static final BigDecimal MIN_SHARE = new BigDecimal("0.01");

	/** 0.85, 85 and 85 % all mean 85 %. */
	private static BigDecimal readShare(String text, List<InputProblem> problems) {
		if (text == null || text.isBlank()) {
			return HostSpec.DEFAULT_SHARE;
		}
		String value = text.strip();
		boolean percent = value.endsWith("%");
		if (percent) {
			value = value.substring(0, value.length() - 1).strip();
		}
		if (!SHARE.matcher(value).matches()) {
			problems.add(InputProblem.of("mysqlShare", text, "error.share"));
			return null;
		}
		BigDecimal share = new BigDecimal(value);
		if (percent || share.compareTo(BigDecimal.ONE) > 0) {
			share = share.movePointLeft(2);
		}
		if (share.compareTo(MIN_SHARE) < 0 || share.compareTo(BigDecimal.ONE) > 0) {
			problems.add(InputProblem.of("mysqlShare", text, "error.share.range"));
			return null;
		}
		return share;
	}

	private static long readReserved(String text, List<InputProblem> problems) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		try {
			return ByteSize.parseHostMemory(text).toLongExact();
		}
		catch (ByteSizeFormatException ex) {
			problems.add(InputProblem.of("reservedForOtherProcesses", text, "error.reserved", text, ex.reason()));
			return 0;
		}
	}

}
