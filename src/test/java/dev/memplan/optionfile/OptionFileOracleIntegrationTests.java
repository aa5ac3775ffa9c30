package dev.memplan.optionfile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.support.Corpus;
import dev.memplan.support.MariaDbTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * memplan's reader against MariaDB's own parser: for every corpus file, and for files written to
 * exercise each rule, the options read from mariadbd's groups must equal my_print_defaults'
 * output, in order. Files with !include are left out: the oracle would read this machine's disk.
 */
class OptionFileOracleIntegrationTests {

	private static final Set<String> MARIADB_GROUPS = OptionInterpreter.groupsRead(
			ServerCatalog.standard().require("mariadb-10.11"), null);

	private static List<String> memplanReads(Path file) throws Exception {
		String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		OptionFileReader.Result result = new OptionFileReader().read(List.of(new OptionFile(file.getFileName().toString(), text)));
		return result.options().stream().filter((o) -> MARIADB_GROUPS.contains(o.group())).map(RawOption::asArgument).toList();
	}

	@Test
	void readsEveryCorpusFileAsMyPrintDefaultsDoes() throws Exception {
		List<String> compared = new ArrayList<>();
		for (Path file : Corpus.files("mycnf")) {
			String text = Files.readString(file, StandardCharsets.ISO_8859_1);
			if (text.contains("!include")) {
				continue;
			}
			assertThat(memplanReads(file)).as(file.getFileName().toString()).isEqualTo(MariaDbTools.printDefaults(file));
			compared.add(file.getFileName().toString());
		}
		assertThat(compared).as("corpus files compared with the oracle").hasSizeGreaterThan(30);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"[mysqld]\njoin_buffer_size = 8M # comment\nsort_buffer_size=2M ; not a comment\n",
			"[mysqld]\nbasedir = \"C:\\\\app\\\\MySQL\"\nsocket='/tmp/a#b.sock'\nlog_error=\"x\" # c\n",
			"[mysqld ]\nkey_buffer_size=\t64M   \n[MYSQLD]\ntmpdir = /a\\sb\\tc\n",
			"\n  # indented comment\n; semicolon comment\n[server]\n  skip-name-resolve\nport=##PORT##\n",
			"[mysqld]\r\nmax_connections = 500\r\n[client]\r\nuser=x\r\n[mariadb-10.11]\r\nthread_stack=256K\r\n",
			"[mysqld]\nvalue_with_quote_inside = it's\nempty =\nonly_quote = \"\n[galera]\nwsrep_on=ON\n",
			"[mysqld]\nopt = \"unterminated\nescape = a\\qb\\\\\n"
	})
	void readsTrickyLinesAsMyPrintDefaultsDoes(String content) throws Exception {
		Path file = Files.createTempFile("memplan-oracle", ".cnf");
		Files.writeString(file, content);
		assertThat(memplanReads(file)).isEqualTo(MariaDbTools.printDefaults(file));
	}

	@Test
	void readsAFileIncludedTwiceTwiceAsMyPrintDefaultsDoes() throws Exception {
		// the server keeps no list of files read: each !include reads the file again, nested ones too
		Path folder = Files.createTempDirectory("memplan-include-twice");
		Path b = folder.resolve("b.cnf");
		Path c = folder.resolve("c.cnf");
		Path a = folder.resolve("a.cnf");
		Files.writeString(c, "[mysqld]\nsort_buffer_size=4\n");
		Files.writeString(b, "[mysqld]\nkey_buffer_size=2\n!include " + c + "\n");
		Files.writeString(a, "[mysqld]\nmax_connections=1\n!include " + b + "\n!include " + b + "\nmax_connections=3\n!include " + c + "\n");
		List<OptionFile> files = new ArrayList<>();
		for (Path file : List.of(a, b, c)) {
			files.add(new OptionFile(file.getFileName().toString(), Files.readString(file)));
		}
		List<String> memplan = new OptionFileReader().read(files).options().stream()
			.filter((o) -> MARIADB_GROUPS.contains(o.group())).map(RawOption::asArgument).toList();
		assertThat(memplan).isEqualTo(MariaDbTools.printDefaults(a));
		// written out: c three times, b twice, in the order the lines name them
		assertThat(memplan).containsExactly("--max_connections=1", "--key_buffer_size=2", "--sort_buffer_size=4", "--key_buffer_size=2",
				"--sort_buffer_size=4", "--max_connections=3", "--sort_buffer_size=4");
	}

}
