package dev.memplan.catalog;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.memplan.budget.EffectiveSettings;
import dev.memplan.budget.EffectiveVariable;
import dev.memplan.budget.HostSpec;
import dev.memplan.budget.ServerSettings;
import dev.memplan.budget.SettingsNormalizer;
import dev.memplan.support.LocalMySql;
import dev.memplan.support.LocalMySql.Version;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * memplan's MySQL catalog against the real servers: defaults (--no-defaults SHOW GLOBAL VARIABLES),
 * bounds (8.0's performance_schema.variables_info) and the option names (--verbose --help).
 */
class MySqlCatalogIntegrationTests {

	private static final ServerCatalog CATALOG = ServerCatalog.standard();

	private static final Pattern OPTION = Pattern.compile("^  (?:-\\S, )?--([A-Za-z0-9_\\-]+)", Pattern.MULTILINE);

	/** memplan's effective defaults for an empty option file. */
	private static EffectiveSettings defaults(String profile) {
		return new SettingsNormalizer(CATALOG).normalize(CATALOG.require(profile), ServerSettings.empty(), HostSpec.ofRam(16L << 30));
	}

	private static String serverForm(EffectiveVariable variable) {
		return switch (variable.spec().type()) {
			case SIZE, COUNT -> Long.toUnsignedString(variable.value());
			default -> variable.text().toUpperCase(Locale.ROOT).equals("TEMPTABLE") ? "TempTable" : variable.text().toUpperCase(Locale.ROOT);
		};
	}

	@ParameterizedTest
	@CsvSource({ "MYSQL_5_7_22, mysql-5.7", "MYSQL_8_0_31, mysql-8.0" })
	void defaultsAreWhatTheServerRunsWithoutAnOptionFile(Version version, String profile) throws Exception {
		Map<String, String> server = LocalMySql.shared(version).pairs("SHOW GLOBAL VARIABLES");
		List<String> compared = new ArrayList<>();
		for (EffectiveVariable variable : defaults(profile).variables().values()) {
			assertThat(server).as("%s exists on %s", variable.name(), version).containsKey(variable.name());
			assertThat(serverForm(variable)).as("default of %s on %s", variable.name(), version).isEqualTo(server.get(variable.name()));
			compared.add(variable.name());
		}
		// every memory variable of the profile (catalog/variables.tsv): 22 on 5.7, 28 on 8.0 (table_open_cache
		// and, on 8.0, the three connection-memory caps of 8.0.28+ and TempTable's temptable_use_mmap and temptable_max_mmap)
		assertThat(compared).hasSize(version.isEight() ? 28 : 22);
	}

	/**
	 * 8.0.15 differs from 8.0.31 in thread_stack and lacks the three caps of 8.0.28 and TempTable's two
	 * mapped-overflow variables (8.0.16, 8.0.23) among what memplan models (the catalog lines say so).
	 */
	@Test
	void mysql8015DiffersFrom8031InTheThreadStackAndWhatItPredates() throws Exception {
		Map<String, String> early = LocalMySql.shared(Version.MYSQL_8_0_15).pairs("SHOW GLOBAL VARIABLES");
		Map<String, String> late = LocalMySql.shared(Version.MYSQL_8_0_31).pairs("SHOW GLOBAL VARIABLES");
		List<String> differing = new ArrayList<>();
		for (String name : CATALOG.variables(CATALOG.require("mysql-8.0")).keySet()) {
			if (!String.valueOf(early.get(name)).equals(late.get(name))) {
				differing.add(name + ": " + early.get(name) + " -> " + late.get(name));
			}
		}
		// and TempTable's mapped overflow switch (8.0.16) and bound (8.0.23), and the connection-memory caps, which 8.0.28 brought
		assertThat(differing).containsExactly("temptable_use_mmap: null -> ON", "temptable_max_mmap: null -> 1073741824",
				"thread_stack: 286720 -> 1048576",
				"connection_memory_limit: null -> 18446744073709551615", "global_connection_memory_limit: null -> 18446744073709551615",
				"global_connection_memory_tracking: null -> OFF");
		// and the catalog says so: exactly the variables 8.0.15 lacks start from a later release than it
		List<String> fromLater = CATALOG.variables(CATALOG.require("mysql-8.0")).values().stream()
			.filter((spec) -> spec.fromRelease() != null && ServerVersions.isBefore("8.0.15", spec.fromRelease()))
			.map(VariableSpec::name).toList();
		assertThat(fromLater).containsExactlyInAnyOrderElementsOf(
				CATALOG.variables(CATALOG.require("mysql-8.0")).keySet().stream().filter((name) -> !early.containsKey(name)).toList());
		assertThat(fromLater).hasSize(5);
	}

	/** MIN_VALUE / MAX_VALUE of the modeled variables, the maximum rounded down to the block size as the server applies it. */
	private static Map<String, String> bounds(Version version) throws Exception {
		Map<String, String> bounds = new TreeMap<>();
		try (Connection connection = LocalMySql.shared(version).root(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT VARIABLE_NAME, MIN_VALUE, MAX_VALUE FROM performance_schema.variables_info")) {
			while (rows.next()) {
				String name = rows.getString(1).toLowerCase(Locale.ROOT);
				VariableSpec spec = CATALOG.variable(CATALOG.require("mysql-8.0"), name).orElse(null);
				// instances: 0 is accepted and means "let the server choose", which memplan models as its computed default
				if (spec != null && spec.isNumeric() && !name.equals("innodb_buffer_pool_instances")) {
					long block = Math.max(1, spec.blockSize());
					long max = Long.divideUnsigned(Long.parseUnsignedLong(rows.getString(3)), block) * block;
					bounds.put(name, rows.getString(2) + " .. " + Long.toUnsignedString(max));
				}
			}
		}
		return bounds;
	}

	@Test
	void boundsAreMySql8031sOwn() throws Exception {
		Map<String, String> server = bounds(Version.MYSQL_8_0_31);
		Map<String, String> memplan = new TreeMap<>();
		for (String name : server.keySet()) {
			VariableSpec spec = CATALOG.variable(CATALOG.require("mysql-8.0"), name).orElseThrow();
			long block = Math.max(1, spec.blockSize());
			memplan.put(name, Long.toUnsignedString(spec.min()) + " .. " + Long.toUnsignedString(Long.divideUnsigned(spec.max(), block) * block));
		}
		assertThat(memplan).isEqualTo(server);
		assertThat(server).hasSizeGreaterThanOrEqualTo(17);
	}

	@Test
	void mysql8015BoundsDifferOnlyInTheChunkMaximum() throws Exception {
		Map<String, String> early = bounds(Version.MYSQL_8_0_15);
		Map<String, String> late = bounds(Version.MYSQL_8_0_31);
		List<String> differing = new ArrayList<>();
		for (String name : late.keySet()) {
			if (!late.get(name).equals(early.get(name))) {
				differing.add(name + ": " + early.get(name) + " -> " + late.get(name));
			}
		}
		assertThat(differing).containsExactly(
				"connection_memory_limit: null -> 2097152 .. 18446744073709551615",
				"global_connection_memory_limit: null -> 16777216 .. 18446744073709551615",
				"innodb_buffer_pool_chunk_size: 1048576 .. 18446744073708503040 -> 1048576 .. 144115188074807296",
				"temptable_max_mmap: null -> 0 .. 18446744073709551615");
	}

	/**
	 * TempTable's mapped overflow (docs/memory-terms.md#temptable-mmap): 8.0.31 has the switch ON and the
	 * bound at 1 GiB, as the catalog says, and the options exist under those names; 8.0.15 has neither.
	 */
	@Test
	void tempTableOverflowVariablesAreTheServersOwn() throws Exception {
		Map<String, String> late = LocalMySql.shared(Version.MYSQL_8_0_31).pairs("SHOW GLOBAL VARIABLES LIKE 'temptable%'");
		assertThat(late).containsEntry("temptable_use_mmap", "ON").containsEntry("temptable_max_mmap", "1073741824");
		VariableSpec bound = CATALOG.variable(CATALOG.require("mysql-8.0"), "temptable_max_mmap").orElseThrow();
		assertThat(dev.memplan.core.ByteSize.parse(bound.defaultValue()).toLongExact()).isEqualTo(1073741824L);
		assertThat(bound.fromRelease()).isEqualTo("8.0.23");
		VariableSpec use = CATALOG.variable(CATALOG.require("mysql-8.0"), "temptable_use_mmap").orElseThrow();
		assertThat(use.defaultValue()).isEqualTo("ON");
		assertThat(use.fromRelease()).isEqualTo("8.0.16");
		assertThat(DataFiles.lines("catalog/mysql-8.0-options.txt").stream().map(String::strip))
			.contains("temptable_use_mmap", "temptable_max_mmap");
		Map<String, String> early = LocalMySql.shared(Version.MYSQL_8_0_15).pairs("SHOW GLOBAL VARIABLES LIKE 'temptable%'");
		assertThat(early).containsOnlyKeys("temptable_max_ram");
	}

	@ParameterizedTest
	@CsvSource({ "MYSQL_5_7_22, catalog/mysql-5.7-options.txt", "MYSQL_8_0_31, catalog/mysql-8.0-options.txt" })
	void optionNamesAreTheOnesTheServerPrints(Version version, String resource) throws Exception {
		LocalMySql.Run help = LocalMySql.run(version, List.of("--no-defaults", "--basedir=" + LocalMySql.basedir(version),
				"--datadir=" + emptyDirectory(), "--verbose", "--help"));
		assertThat(help.exitCode()).isZero();
		TreeSet<String> printed = new TreeSet<>();
		Matcher matcher = OPTION.matcher(help.out());
		while (matcher.find()) {
			printed.add(matcher.group(1).replace('-', '_'));
		}
		assertThat(new TreeSet<>(DataFiles.lines(resource).stream().map(String::strip).toList())).isEqualTo(printed);
		// 5.7.22: 535 names, 8.0.31: 737 (8.0.15 printed 575; 8.0.31 adds 164, among them the ndb_ options of its NDB build)
		assertThat(printed).hasSizeGreaterThan(500).contains("innodb_buffer_pool_size", "key_buffer_size");
	}

	/** An empty --datadir for mysqld --verbose --help, removed when the JVM exits. */
	private static java.nio.file.Path emptyDirectory() throws java.io.IOException {
		java.nio.file.Path dir = Files.createTempDirectory("memplan-empty-datadir");
		dir.toFile().deleteOnExit();
		return dir;
	}

}
