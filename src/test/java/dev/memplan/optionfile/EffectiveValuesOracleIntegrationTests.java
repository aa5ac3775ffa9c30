package dev.memplan.optionfile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.memplan.budget.EffectiveSettings;
import dev.memplan.budget.EffectiveVariable;
import dev.memplan.budget.HostSpec;
import dev.memplan.budget.ServerSettings;
import dev.memplan.budget.SettingsNormalizer;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.catalog.ServerProfile;
import dev.memplan.core.Severity;
import dev.memplan.support.Corpus;
import dev.memplan.support.MariaDbTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * memplan's effective values against the values mariadbd itself would run with (its
 * --verbose --help table), for every corpus file in which memplan finds no error, and for files
 * written to exercise clamping and rounding.
 */
class EffectiveValuesOracleIntegrationTests {

	private static final ServerCatalog CATALOG = ServerCatalog.standard();

	private static final ServerProfile MARIADB = CATALOG.require("mariadb-10.11");

	/** Null when memplan reports an error: the server would not start, so there is nothing to compare. */
	private static EffectiveSettings memplanEffective(Path file) throws Exception {
		String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		ServerSettings settings = new OptionFileImporter(CATALOG)
			.read(List.of(new OptionFile(file.getFileName().toString(), text)), MARIADB, null).settings();
		if (settings.diagnostics().stream().anyMatch((d) -> d.severity() == Severity.ERROR)) {
			return null;
		}
		return new SettingsNormalizer(CATALOG).normalize(MARIADB, settings, HostSpec.ofRam(16L << 30));
	}

	/** @return how many values were compared, so a silent mismatch of names cannot pass */
	private static int assertSameNumbers(Path file, EffectiveSettings memplan, Map<String, String> server) {
		int compared = 0;
		for (EffectiveVariable variable : memplan.variables().values()) {
			String serverValue = server.get(variable.name());
			if (variable.spec().isNumeric() && serverValue != null && serverValue.matches("\\d+")) {
				assertThat(Long.toUnsignedString(variable.value())).as("%s in %s", variable.name(), file.getFileName())
					.isEqualTo(serverValue);
				compared++;
			}
		}
		return compared;
	}

	@Test
	void agreesWithMariadbdOnEveryCorpusFileItCanStart() throws Exception {
		List<String> compared = new ArrayList<>();
		for (Path file : Corpus.files("mycnf")) {
			if (Files.readString(file, StandardCharsets.ISO_8859_1).contains("!include")) {
				continue;
			}
			EffectiveSettings memplan = memplanEffective(file);
			if (memplan != null) {
				assertSameNumbers(file, memplan, MariaDbTools.effectiveValues(file));
				compared.add(file.getFileName().toString());
			}
		}
		assertThat(compared).as("corpus files compared").hasSizeGreaterThan(10);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"[mysqld]\nread_buffer_size=100000\njoin_buffer_size=100\nthread_stack=100\nsort_buffer_size=10\n",
			"[mysqld]\nmax_allowed_packet=3G\ntmp_table_size=100000\nkey_buffer_size=1000\nmax_connections=0\n",
			"[mysqld]\ninnodb_buffer_pool_size = 700MB\ninnodb_log_buffer_size=1\naria_pagecache_buffer_size=1G\n",
			"[mariadb]\nkey_buffer=64M\nnet_buffer_length=5000000\nbinlog_cache_size=5000\n[mysqld-8.0]\nsort_buffer_size=64M\n",
			"[server]\nmax_heap_table_size=20000\nquery_cache_size=1000\nread_rnd_buffer_size=3\ninnodb_buffer_pool_size=1500000000\n"
	})
	void agreesWithMariadbdOnClampingAndRounding(String content) throws Exception {
		Path file = Files.createTempFile("memplan-values", ".cnf");
		Files.writeString(file, content);
		EffectiveSettings memplan = memplanEffective(file);
		assertThat(memplan).as("memplan finds no error").isNotNull();
		// 20 numeric memory variables on MariaDB 10.11 (catalog/variables.tsv)
		assertThat(assertSameNumbers(file, memplan, MariaDbTools.effectiveValues(file))).isGreaterThanOrEqualTo(18);
	}

}
