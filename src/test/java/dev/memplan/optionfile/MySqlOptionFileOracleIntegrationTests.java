package dev.memplan.optionfile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.memplan.budget.EffectiveSettings;
import dev.memplan.budget.EffectiveVariable;
import dev.memplan.budget.HostSpec;
import dev.memplan.budget.ServerSettings;
import dev.memplan.budget.SettingsNormalizer;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerProfile;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.Severity;
import dev.memplan.support.Corpus;
import dev.memplan.support.LocalMySql;
import dev.memplan.support.LocalMySql.Server;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * memplan's reading of option files against the real MySQL 5.7.22 and 8.0.31 (the newest 8.0 here,
 * which the mysql-8.0 profile stands for): refusal for refusal, the values mysqld --verbose --help
 * prints, and the start-up adjustments only a started server shows.
 */
class MySqlOptionFileOracleIntegrationTests {

	private static final ServerCatalog CATALOG = ServerCatalog.standard();

	/** Adjusted by InnoDB at start-up, after --verbose --help has printed them: compared on a started server. */
	private static final Set<String> START_UP_ADJUSTED = Set.of("innodb_buffer_pool_size", "innodb_buffer_pool_instances",
			"innodb_buffer_pool_chunk_size");

	private static final Pattern UNKNOWN = Pattern.compile("unknown (?:variable|option) '(?:--)?([^'=]+)");

	/** The two servers the oracle asks, and the profile memplan reads their files with. */
	enum Oracle {

		MYSQL_5_7(LocalMySql.Version.MYSQL_5_7_22, "mysql-5.7"),

		MYSQL_8_0(LocalMySql.Version.MYSQL_8_0_31, "mysql-8.0");

		final LocalMySql.Version version;

		final ServerProfile profile;

		Oracle(LocalMySql.Version version, String profile) {
			this.version = version;
			this.profile = CATALOG.require(profile);
		}

	}

	/** What the server says of a file without starting: exit code and first error. */
	record Verdict(boolean refused, String reason) {
	}

	/**
	 * 5.7.22: --verbose --help stops at the first option it refuses (exit 1). 8.0.31: --verbose --help
	 * exits 0 even for an unknown option; --validate-config (8.0.16+) checks like a start.
	 */
	private static Verdict serverVerdict(Oracle oracle, Path file) throws Exception {
		Path basedir = LocalMySql.basedir(oracle.version);
		List<String> arguments = new ArrayList<>(List.of("--defaults-file=" + file, "--basedir=" + basedir));
		if (oracle.version.isEight()) {
			arguments.add("--validate-config");
		}
		else {
			arguments.addAll(List.of("--datadir=" + emptyDirectory(), "--verbose", "--help"));
		}
		if ("root".equals(System.getProperty("user.name"))) {
			arguments.add("--user=mysql");
		}
		LocalMySql.Run run = LocalMySql.run(oracle.version, arguments);
		// every error line: 8.0.31 may name an unknown option after an unrelated error (a missing message file)
		String reason = String.join("\n", run.err().lines().filter((line) -> line.contains("ERROR") && !line.contains("Aborting")).toList());
		return new Verdict(run.exitCode() != 0, reason.isEmpty() ? run.err().strip() : reason);
	}

	private static ServerSettings memplanReads(Oracle oracle, Path file) throws Exception {
		String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		return new OptionFileImporter(CATALOG).read(List.of(new OptionFile(file.getFileName().toString(), text)), oracle.profile, null)
			.settings();
	}

	private static List<Diagnostic> errors(ServerSettings settings) {
		return settings.diagnostics().stream().filter((d) -> d.severity() == Severity.ERROR).toList();
	}

	private static EffectiveSettings effective(Oracle oracle, ServerSettings settings) {
		return new SettingsNormalizer(CATALOG).normalize(oracle.profile, settings, HostSpec.ofRam(16L << 30));
	}

	/**
	 * memplan's ERROR means the server refuses the file; the server refusing an option by name
	 * ("unknown variable 'x'") means memplan has an ERROR on x. Other refusals (a missing directory,
	 * a plugin library, server-id with the binary log) are outside what memplan reads and only counted.
	 * @return the reason when the server refused, else null
	 */
	private static String assertSameRefusal(Oracle oracle, Path file) throws Exception {
		Verdict server = serverVerdict(oracle, file);
		List<Diagnostic> errors = errors(memplanReads(oracle, file));
		String name = file.getFileName().toString();
		if (!errors.isEmpty()) {
			assertThat(server.refused()).as("%s: memplan says %s refuses %s (%s), the server accepts it", oracle.version, oracle.version,
					name, dev.memplan.report.EnglishText.of(errors.get(0))).isTrue();
		}
		Matcher unknown = UNKNOWN.matcher(server.reason());
		while (server.refused() && unknown.find()) {
			String option = unknown.group(1).strip().replace('-', '_');
			assertThat(errors).as("%s refuses %s: %s; memplan's errors", oracle.version, name, server.reason())
				.anyMatch((d) -> option.equals(d.variable()) || option.toLowerCase(Locale.ROOT).equals(d.variable()));
		}
		return server.refused() ? server.reason() : null;
	}

	/** @return how many values were compared */
	private static int assertSameValues(Oracle oracle, Path file, EffectiveSettings memplan, Map<String, String> server,
			Set<String> skip) {
		int compared = 0;
		for (EffectiveVariable variable : memplan.variables().values()) {
			String value = server.get(variable.name());
			if (variable.spec().isNumeric() && !skip.contains(variable.name()) && value != null && value.matches("\\d+")) {
				assertThat(Long.toUnsignedString(variable.value())).as("%s on %s in %s", variable.name(), oracle.version,
						file.getFileName()).isEqualTo(value);
				compared++;
			}
		}
		return compared;
	}

	@ParameterizedTest
	@EnumSource(Oracle.class)
	void refusesWhatTheServerRefusesAndReadsWhatItReadsInEveryCorpusFile(Oracle oracle) throws Exception {
		List<String> compared = new ArrayList<>();
		List<String> refusedByName = new ArrayList<>();
		for (Path file : Corpus.files("mycnf")) {
			if (Files.readString(file, StandardCharsets.ISO_8859_1).contains("!include")) {
				continue; // the server would read this machine's disk
			}
			String refusal = assertSameRefusal(oracle, file);
			if (refusal != null) {
				if (UNKNOWN.matcher(refusal).find()) {
					refusedByName.add(file.getFileName().toString());
				}
				continue;
			}
			ServerSettings settings = memplanReads(oracle, file);
			LocalMySql.Run help = LocalMySql.run(oracle.version, List.of("--defaults-file=" + file,
					"--basedir=" + LocalMySql.basedir(oracle.version), "--datadir=" + emptyDirectory(),
					"--verbose", "--help"));
			assertSameValues(oracle, file, effective(oracle, settings), help.helpValues(), START_UP_ADJUSTED);
			compared.add(file.getFileName().toString());
		}
		// of the 44 corpus files without !include (run of 2026-12-01): 5.7.22 starts with 16 and refuses 14 for an unknown
		// option (thread_concurrency, wsrep_*, mysqlx_*, ndbcluster, ...); 8.0.31 starts with 21 and refuses 16 so
		// (query_cache_*, wsrep_*, sort_buffer, ...); the rest are refused for this machine's paths, plugins or server-id
		assertThat(compared).as("corpus files the server accepts").hasSize(oracle.version.isEight() ? 21 : 16);
		assertThat(refusedByName).as("corpus files refused for an unknown option").hasSize(oracle.version.isEight() ? 16 : 14);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"[mysqld]\nkey_buffer = 256M\n",
			"[mysqld]\ninnodb_additional_mem_pool_size = 8M\n",
			"[mysqld]\nquery_cache_size = 1M\nquery_cache_type = 1\n",
			"[mysqld]\nloose-query_cache_size = 1M\nloose-key_buffer = 1M\nloose_no_such_plugin_option = 1\n",
			"[mysqld]\nsort_buffer_size = 1.5M\n",
			"[mysqld]\ninnodb_buffer_pool_size = 1T\n",
			"[mysqld]\nsort_buffer_size\n",
			"[mysqld]\nthread_concurrency = 8\n",
			"[mysqld]\nskip-innodb_adaptive_hash_index\nenable-performance_schema\nskip-log-bin\n",
			"[mysqld-8.0]\nquery_cache_type = 1\n[mysqld-5.7]\nconnection_memory_limit = 2M\n",
			"[mysqld]\nmax_connections = 500 # a comment\ntable_open_cache = 4000\n"
	})
	void refusesWhatTheServerRefusesInCraftedFiles(String content) throws Exception {
		Path file = Files.createTempFile("memplan-mysql-oracle", ".cnf");
		file.toFile().deleteOnExit();
		Files.writeString(file, content);
		for (Oracle oracle : Oracle.values()) {
			assertSameRefusal(oracle, file);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"[mysqld]\nread_buffer_size=100000\njoin_buffer_size=100\nthread_stack=100\nsort_buffer_size=10\n",
			"[mysqld]\nmax_allowed_packet=3G\ntmp_table_size=100000\nkey_buffer_size=1000\nmax_connections=0\n",
			"[mysqld]\ninnodb_log_buffer_size=1\nnet_buffer_length=5000000\nbinlog_cache_size=5000\nread_rnd_buffer_size=3\n",
			"[server]\nmax_heap_table_size=20000\nbinlog_stmt_cache_size=100\njoin_buffer_size=1000000\n"
					+ "[mysqld-8.0]\ntemptable_max_ram=1000\n[mysqld-5.7]\nquery_cache_size=1000\n",
			"[mysqld]\ninnodb_log_buffer_size=5G\nread_buffer_size=3G\nthread_stack=700MB\n"
	})
	void clampsAndRoundsAsTheServerReadsIt(String content) throws Exception {
		Path file = Files.createTempFile("memplan-mysql-values", ".cnf");
		file.toFile().deleteOnExit();
		Files.writeString(file, content);
		for (Oracle oracle : Oracle.values()) {
			ServerSettings settings = memplanReads(oracle, file);
			assertThat(errors(settings)).as("memplan finds no error on %s", oracle.version).isEmpty();
			LocalMySql.Run help = LocalMySql.run(oracle.version, List.of("--defaults-file=" + file,
					"--basedir=" + LocalMySql.basedir(oracle.version), "--datadir=" + emptyDirectory(),
					"--verbose", "--help"));
			assertThat(help.exitCode()).as("%s accepts it: %s", oracle.version, help.err()).isZero();
			// 5.7 models 18 numeric memory variables, 8.0 19 (catalog/variables.tsv); all but the three pool ones printed
			assertThat(assertSameValues(oracle, file, effective(oracle, settings), help.helpValues(), START_UP_ADJUSTED))
				.isGreaterThanOrEqualTo(13);
		}
	}

	/**
	 * The buffer pool as InnoDB sets it at start-up: 1 instance below 1 GiB (5.7.22's error log: "Adjusting
	 * innodb_buffer_pool_instances from 4 to 1 since innodb_buffer_pool_size is less than 1024 MiB"), the chunk
	 * shrunk when chunk × instances exceeds the pool, the pool rounded up to chunk × instances.
	 */
	@ParameterizedTest
	@ValueSource(strings = {
			"[mysqld]\ninnodb_buffer_pool_size=600M\ninnodb_buffer_pool_instances=4\n",
			"[mysqld]\ninnodb_buffer_pool_size=1500M\ninnodb_buffer_pool_instances=2\ninnodb_buffer_pool_chunk_size=256M\n",
			"[mysqld]\ninnodb_buffer_pool_size=3G\ninnodb_buffer_pool_instances=16\n",
			"[mysqld]\ninnodb_buffer_pool_size=2G\ninnodb_buffer_pool_chunk_size=512M\n"
	})
	void adjustsTheBufferPoolAsAStartedServerDoes(String content) throws Exception {
		Path file = Files.createTempFile("memplan-mysql-pool", ".cnf");
		file.toFile().deleteOnExit();
		Files.writeString(file, content);
		for (Oracle oracle : Oracle.values()) {
			EffectiveSettings memplan = effective(oracle, memplanReads(oracle, file));
			try (Server server = LocalMySql.startWith(oracle.version, file, List.of())) {
				Map<String, String> variables = server.pairs("SHOW GLOBAL VARIABLES");
				for (String name : START_UP_ADJUSTED) {
					assertThat(Long.toString(memplan.bytes(name))).as("%s on %s with %s", name, oracle.version, content)
						.isEqualTo(variables.get(name));
				}
			}
		}
	}

	/** An empty --datadir for mysqld --verbose --help, removed when the JVM exits. */
	private static java.nio.file.Path emptyDirectory() throws java.io.IOException {
		java.nio.file.Path dir = Files.createTempDirectory("memplan-empty-datadir");
		dir.toFile().deleteOnExit();
		return dir;
	}

}
