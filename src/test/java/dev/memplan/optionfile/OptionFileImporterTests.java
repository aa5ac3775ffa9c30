package dev.memplan.optionfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.memplan.budget.ServerSettings;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.Severity;
import dev.memplan.support.Corpus;

import static org.assertj.core.api.Assertions.assertThat;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.report.EnglishText;

class OptionFileImporterTests {

	private final ServerCatalog catalog = ServerCatalog.standard();

	private OptionFileImporter.Imported read(String server, String instance, OptionFile... files) {
		return new OptionFileImporter(this.catalog).read(List.of(files), this.catalog.require(server), instance);
	}

	private static OptionFile cnf(String name, String text) {
		return new OptionFile(name, text);
	}

	private static List<String> codes(ServerSettings settings) {
		return settings.diagnostics().stream().map((d) -> d.code().name()).toList();
	}

	private static Diagnostic diagnostic(ServerSettings settings, DiagnosticCode code) {
		return settings.diagnostics().stream().filter((d) -> d.code() == code).findFirst().orElseThrow();
	}

	@Test
	void keepsTheOriginOfEveryValue() {
		ServerSettings settings = read("mysql-8.0", null, cnf("my.cnf", "[mysqld]\n\njoin_buffer_size = 8M # comment\n")).settings();
		assertThat(settings.get("join_buffer_size").text()).isEqualTo("8M");
		assertThat(settings.get("join_buffer_size").origin().toString()).isEqualTo("my.cnf:3");
	}

	@Test
	void readsOnlyTheGroupsTheServerReads() {
		String text = "[client]\nmax_allowed_packet=1G\n[mysqld-8.0]\nsort_buffer_size=1M\n[mariadb]\nkey_buffer_size=1G\n[mysqld]\nthread_stack=512K\n";
		ServerSettings mysql = read("mysql-8.0", null, cnf("my.cnf", text)).settings();
		assertThat(mysql.values().keySet()).containsExactly("sort_buffer_size", "thread_stack");
		ServerSettings mariadb = read("mariadb-10.11", null, cnf("my.cnf", text)).settings();
		assertThat(mariadb.values().keySet()).containsExactly("key_buffer_size", "thread_stack"); // MariaDB skips [mysqld-8.0]
	}

	@Test
	void lastOccurrenceWinsAcrossSpellingsAndSaysSo() {
		ServerSettings settings = read("mariadb-10.11", null,
				cnf("my.cnf", "[mysqld]\nsort_buffer_size=1M\n[server]\nSort-Buffer-Size=4M\n")).settings();
		assertThat(settings.get("sort_buffer_size").text()).isEqualTo("4M");
		assertThat(diagnostic(settings, DiagnosticCode.DUPLICATE_OVERRIDDEN).severity()).isEqualTo(Severity.INFO);
		assertThat(EnglishText.of(diagnostic(settings, DiagnosticCode.DUPLICATE_OVERRIDDEN))).contains("my.cnf:2");
	}

	@Test
	void mysqlNamesAreCaseSensitive() {
		ServerSettings settings = read("mysql-8.0", null, cnf("my.cnf", "[mysqld]\nSort_Buffer_Size=4M\n")).settings();
		assertThat(settings.get("sort_buffer_size")).isNull();
		assertThat(diagnostic(settings, DiagnosticCode.OPTION_NAME_CASE).severity()).isEqualTo(Severity.ERROR);
	}

	@Test
	void reportsRemovedVariablesAsErrorsUnlessLoose() {
		ServerSettings settings = read("mysql-8.0", null,
				cnf("my.cnf", "[mysqld]\nquery_cache_size=64M\nloose-query_cache_type=1\n")).settings();
		List<Diagnostic> removed = settings.diagnostics().stream().filter((d) -> d.code() == DiagnosticCode.REMOVED_OPTION).toList();
		assertThat(removed).extracting(Diagnostic::severity).containsExactly(Severity.ERROR, Severity.WARNING);
		assertThat(removed.get(0).origin().toString()).isEqualTo("my.cnf:2");
		assertThat(read("mysql-5.7", null, cnf("my.cnf", "[mysqld]\ninnodb_additional_mem_pool_size=8M\n")).settings()
			.diagnostics()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.REMOVED_OPTION);
	}

	@Test
	void refusesAFractionalSizeAsTheServerDoes() {
		ServerSettings settings = read("mariadb-10.11", null, cnf("my.cnf", "[mysqld]\nkey_buffer_size=1.5G\n")).settings();
		assertThat(settings.get("key_buffer_size")).isNull();
		assertThat(diagnostic(settings, DiagnosticCode.INVALID_SIZE).severity()).isEqualTo(Severity.ERROR);
		assertThat(EnglishText.of(diagnostic(settings, DiagnosticCode.INVALID_SIZE))).contains("key_buffer_size = 1.5G is not a size this server reads");
	}

	@Test
	void readsTwoLetterSuffixesByTheirFirstLetter() {
		// isucon7's "innodb_buffer_pool_size = 700MB": MariaDB 10.11 reads 734003200 [checked]
		ServerSettings settings = read("mariadb-10.11", null, cnf("my.cnf", "[mysqld]\ninnodb_buffer_pool_size = 700MB\n")).settings();
		assertThat(settings.get("innodb_buffer_pool_size").text()).isEqualTo("700MB");
		assertThat(codes(settings)).isEmpty();
	}

	@Test
	void turnsTheBinaryLogOnForLogBinZeroAndWarns() {
		ServerSettings settings = read("mariadb-10.11", null, cnf("my.cnf", "[mysqld]\nlog_bin=0\n")).settings();
		assertThat(settings.get("log_bin").text()).isEqualTo("ON");
		assertThat(diagnostic(settings, DiagnosticCode.LOG_BIN_BASENAME).severity()).isEqualTo(Severity.WARNING);
		ServerSettings skipped = read("mysql-8.0", null, cnf("my.cnf", "[mysqld]\nskip-log-bin\n")).settings();
		assertThat(skipped.get("log_bin").text()).isEqualTo("OFF");
		assertThat(read("mysql-8.0", null, cnf("my.cnf", "[mysqld]\ndisable_log_bin\n")).settings().get("log_bin").text())
			.isEqualTo("OFF");
	}

	@Test
	void resolvesMariaDbAbbreviationsAndRefusesAmbiguousOnes() {
		ServerSettings settings = read("mariadb-10.11", null, cnf("my.cnf", "[mysqld]\nkey_buffer=64M\n")).settings();
		assertThat(settings.get("key_buffer_size").text()).isEqualTo("64M");
		assertThat(diagnostic(settings, DiagnosticCode.ABBREVIATED_OPTION).severity()).isEqualTo(Severity.WARNING);
		ServerSettings ambiguous = read("mariadb-10.11", null, cnf("my.cnf", "[mysqld]\nkey_cache=1M\n")).settings();
		assertThat(diagnostic(ambiguous, DiagnosticCode.AMBIGUOUS_OPTION).severity()).isEqualTo(Severity.ERROR);
	}

	@Test
	void reportsUnknownOptionsOnMariaDbUnlessLoose() {
		ServerSettings settings = read("mariadb-10.11", null,
				cnf("my.cnf", "[mysqld]\nrocksdb_block_cache_size=1G\nloose-rocksdb_max_open_files=10\n")).settings();
		assertThat(settings.diagnostics()).extracting(Diagnostic::code, Diagnostic::severity).containsExactly(
				org.assertj.core.groups.Tuple.tuple(DiagnosticCode.UNKNOWN_OPTION, Severity.ERROR),
				org.assertj.core.groups.Tuple.tuple(DiagnosticCode.UNKNOWN_OPTION, Severity.WARNING));
	}

	@Test
	void maximumPrefixSetsTheSessionCeilingNotTheValue() {
		ServerSettings settings = read("mariadb-10.11", null, cnf("my.cnf", "[mysqld]\nmaximum-sort_buffer_size=4M\n")).settings();
		assertThat(settings.get("sort_buffer_size")).isNull();
		assertThat(diagnostic(settings, DiagnosticCode.MAXIMUM_PREFIX).severity()).isEqualTo(Severity.INFO);
	}

	@Test
	void skipAndEnablePrefixesSetBooleans() {
		ServerSettings settings = read("mysql-8.0", null,
				cnf("my.cnf", "[mysqld]\nskip-performance-schema\nenable-innodb-dedicated-server\n")).settings();
		assertThat(settings.get("performance_schema").text()).isEqualTo("OFF");
		assertThat(settings.get("innodb_dedicated_server").text()).isEqualTo("ON");
	}

	@Test
	void reportsAnOptionBeforeAnyGroupABomAndAnUnclosedGroup() {
		ServerSettings settings = read("mariadb-10.11", null,
				cnf("a.cnf", "\uFEFF[mysqld]\nsort_buffer_size=1M\n"), cnf("b.cnf", "max_connections=10\n[mysqld\n")).settings();
		assertThat(codes(settings)).contains("BOM", "OPTION_BEFORE_GROUP", "GROUP_NOT_CLOSED");
		assertThat(settings.diagnostics()).filteredOn((d) -> d.code() != DiagnosticCode.DUPLICATE_OVERRIDDEN)
			.allMatch((d) -> d.severity() == Severity.ERROR);
		assertThat(settings.get("sort_buffer_size").text()).isEqualTo("1M");
	}

	@Test
	void resolvesIncludesOnlyAmongTheUploadedFiles() {
		OptionFile main = cnf("my.cnf", "[mysqld]\nsort_buffer_size=1M\n!includedir /etc/mysql/conf.d/\n!include /etc/secret/passwords.cnf\n");
		OptionFile b = cnf("conf.d/b.cnf", "[mysqld]\nsort_buffer_size=4M\n");
		OptionFile a = cnf("conf.d/a.cnf", "[mysqld]\nsort_buffer_size=2M\njoin_buffer_size=1M\n");
		OptionFile notCnf = cnf("conf.d/readme.txt", "[mysqld]\njoin_buffer_size=64M\n");
		ServerSettings settings = read("mysql-8.0", null, main, b, a, notCnf).settings();
		assertThat(settings.get("sort_buffer_size").origin().toString()).isEqualTo("conf.d/b.cnf:2"); // a.cnf, then b.cnf
		assertThat(settings.get("join_buffer_size").origin().toString()).isEqualTo("conf.d/a.cnf:3"); // .txt not read
		Diagnostic missing = diagnostic(settings, DiagnosticCode.INCLUDE_NOT_UPLOADED);
		assertThat(EnglishText.of(missing)).contains("/etc/secret/passwords.cnf");
		assertThat(missing.origin().toString()).isEqualTo("my.cnf:4");
	}

	@Test
	void offersInstanceGroupsAndReadsTheChosenOne() {
		OptionFile file = cnf("my.cnf", "[mysqld]\nsort_buffer_size=1M\n[mysqld3306]\nmax_connections=800\n[mysqld3307]\nmax_connections=300\n");
		OptionFileImporter.Imported none = read("mysql-5.7", null, file);
		assertThat(none.instances()).containsExactly("mysqld3306", "mysqld3307");
		assertThat(none.settings().get("max_connections")).isNull();
		assertThat(read("mysql-5.7", "mysqld3307", file).settings().get("max_connections").text()).isEqualTo("300");
		assertThat(codes(read("mysql-5.7", "mysqld9999", file).settings())).contains("UNKNOWN_INSTANCE");
	}

	@Test
	void survivesAnIncludeCycle() {
		OptionFile a = cnf("a.cnf", "[mysqld]\nsort_buffer_size=1M\n!include b.cnf\n");
		OptionFile b = cnf("b.cnf", "[mysqld]\n!include a.cnf\njoin_buffer_size=1M\n");
		ServerSettings settings = read("mysql-8.0", null, a, b).settings();
		assertThat(settings.get("join_buffer_size")).isNotNull();
	}

	@Test
	void suggestsTheMemoryVariableAMistypedNameWasMeantToBe() {
		String typos = "[mysqld]\ninnodb_bufer_pool_size=12G\nmax_conections=500\nloose_sort_bufer_size=4M\n";
		// MySQL 8.4: memplan has no full option list, so the near miss is the warning
		ServerSettings mysql84 = read("mysql-8.4", null, cnf("my.cnf", typos)).settings();
		assertThat(mysql84.diagnostics()).extracting(Diagnostic::code, Diagnostic::variable, Diagnostic::severity).containsExactly(
				row(DiagnosticCode.LIKELY_TYPO, "innodb_buffer_pool_size", Severity.WARNING),
				row(DiagnosticCode.LIKELY_TYPO, "max_connections", Severity.WARNING),
				row(DiagnosticCode.LIKELY_TYPO, "sort_buffer_size", Severity.INFO)); // loose-: ignored
		assertThat(EnglishText.of(diagnostic(mysql84, DiagnosticCode.LIKELY_TYPO))).isEqualTo("innodb_bufer_pool_size is not a variable memplan knows on "
				+ "MySQL 8.4 LTS; did you mean innodb_buffer_pool_size? The plan uses innodb_buffer_pool_size as if it were not set, "
				+ "and the server refuses to start if it does not know the option either.");
		assertThat(mysql84.get("innodb_buffer_pool_size")).isNull();
		// MySQL 8.0 (8.0.31's list) and MariaDB know their whole option list: an unknown option is an ERROR, the suggestion comes with it
		ServerSettings mysql80 = read("mysql-8.0", null, cnf("my.cnf", typos)).settings();
		assertThat(mysql80.diagnostics()).extracting(Diagnostic::code, Diagnostic::severity).containsExactly(
				row(DiagnosticCode.UNKNOWN_OPTION, Severity.ERROR), row(DiagnosticCode.LIKELY_TYPO, Severity.INFO),
				row(DiagnosticCode.UNKNOWN_OPTION, Severity.ERROR), row(DiagnosticCode.LIKELY_TYPO, Severity.INFO),
				row(DiagnosticCode.UNKNOWN_OPTION, Severity.WARNING), row(DiagnosticCode.LIKELY_TYPO, Severity.INFO));
		ServerSettings mariadb = read("mariadb-10.11", null, cnf("my.cnf", "[mysqld]\ninnodb_bufer_pool_size=12G\n")).settings();
		assertThat(mariadb.diagnostics()).extracting(Diagnostic::code, Diagnostic::severity).containsExactly(
				row(DiagnosticCode.UNKNOWN_OPTION, Severity.ERROR),
				row(DiagnosticCode.LIKELY_TYPO, Severity.INFO));
	}

	@Test
	void readsAnAbbreviationOnMySql56AndRefusesItFrom57On() {
		// 5.7.22 and 8.0.31 with key_buffer = 256M: "[ERROR] unknown variable 'key_buffer=256M'" (MySqlOptionFileOracleIntegrationTests)
		OptionFile file = cnf("my.cnf", "[mysqld]\nkey_buffer = 256M\n");
		for (String profile : List.of("mysql-5.7", "mysql-8.0", "mysql-8.4")) {
			ServerSettings settings = read(profile, null, file).settings();
			assertThat(settings.diagnostics()).as(profile).extracting(Diagnostic::code, Diagnostic::severity)
				.containsExactly(row(DiagnosticCode.PREFIX_NOT_ACCEPTED, Severity.ERROR));
			assertThat(settings.get("key_buffer_size")).isNull();
		}
		assertThat(EnglishText.of(diagnostic(read("mysql-5.7", null, file).settings(), DiagnosticCode.PREFIX_NOT_ACCEPTED))).isEqualTo(
				"key_buffer is not an option on MySQL 5.7: MySQL 5.7 and later accept no abbreviation (of key_buffer_size); "
						+ "the server refuses to start. Write the full name.");
		// 5.6 reads it as key_buffer_size, with a note
		ServerSettings mysql56 = read("mysql-5.6", null, file).settings();
		assertThat(mysql56.get("key_buffer_size").text()).isEqualTo("256M");
		assertThat(mysql56.diagnostics()).extracting(Diagnostic::code, Diagnostic::severity)
			.containsExactly(row(DiagnosticCode.ABBREVIATED_OPTION_MYSQL56, Severity.INFO));
		// loose- keeps the server starting: a warning
		assertThat(read("mysql-8.0", null, cnf("my.cnf", "[mysqld]\nloose-key_buffer = 256M\n")).settings().diagnostics())
			.extracting(Diagnostic::code, Diagnostic::severity)
			.containsExactly(row(DiagnosticCode.PREFIX_NOT_ACCEPTED, Severity.WARNING));
	}

	private static org.assertj.core.groups.Tuple row(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

	@Test
	void doesNotMistakeRealOptionsNearAMemoryVariableForTypos() {
		// each is a real MySQL 8.0 option three or more edits from a memory variable
		// (temptable_max_ram, innodb_log_buffer_size, read_buffer_size, sort_buffer_size, max_connections)
		ServerSettings settings = read("mysql-8.0", null, cnf("my.cnf", "[mysqld]\ntemptable_max_mmap=1G\n"
				+ "innodb_sort_buffer_size=1M\npreload_buffer_size=32K\nmyisam_sort_buffer_size=8M\nmax_user_connections=0\n"
				+ "max_connect_errors=100\ninnodb_log_file_size=1G\nthread_cache_size=9\nkey_cache_block_size=1024\n")).settings();
		assertThat(codes(settings)).doesNotContain("LIKELY_TYPO");
	}

	@Test
	void findsNoTypoInAnyRealWorldFile() throws IOException {
		// ../shared/corpus/mycnf: 55 files from public projects; a suggestion there would be a false alarm
		for (Path file : Corpus.files("mycnf")) {
			String text = Files.readString(file, StandardCharsets.ISO_8859_1);
			for (String server : List.of("mysql-5.7", "mysql-8.0", "mariadb-10.11")) {
				ServerSettings settings = read(server, null, cnf(file.getFileName().toString(), text)).settings();
				assertThat(codes(settings)).as(file.getFileName() + " on " + server).doesNotContain("LIKELY_TYPO");
			}
		}
	}

}
