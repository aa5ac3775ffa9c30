package dev.memplan.catalog;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option lists (catalog/*-options.txt) against the memory variables of catalog/variables.tsv:
 * a variable the catalog plans with that the server's own list lacks means one of the two files is
 * wrong, and prefix handling (which reads only the list) would go astray on it.
 */
class ServerOptionNamesTests {

	private final ServerCatalog catalog = ServerCatalog.standard();

	// counts: the variables.tsv lines that apply to each profile (22, 28 with temptable_use_mmap and temptable_max_mmap, 23),
	// so an empty check cannot pass
	@ParameterizedTest
	@CsvSource({ "mysql-5.7, 22", "mysql-8.0, 28", "mariadb-10.6, 23", "mariadb-10.11, 23", "mariadb-11.4, 23" })
	void everyCatalogVariableIsAnOptionOfItsServer(String server, int variables) {
		ServerProfile profile = this.catalog.require(server);
		ServerOptionNames names = ServerOptionNames.of(profile).orElseThrow();
		Set<String> catalogued = this.catalog.variables(profile).keySet();
		assertThat(catalogued).hasSize(variables);
		assertThat(catalogued.stream().filter((name) -> !names.contains(name)).toList()).isEmpty();
	}

	@Test
	void mySql56And84HaveNoList() {
		// no 5.6 or 8.4 server runs here (see ServerOptionNames): their names are checked against the catalog only
		List<String> without = this.catalog.profiles().stream().filter((profile) -> ServerOptionNames.of(profile).isEmpty())
			.map(ServerProfile::id).toList();
		assertThat(without).containsExactly("mysql-5.6", "mysql-8.4");
	}

}
