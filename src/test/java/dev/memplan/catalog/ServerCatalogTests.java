package dev.memplan.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Defaults from docs/memory-model.md#defaults, read back from the catalog data file. */
class ServerCatalogTests {

	private final ServerCatalog catalog = ServerCatalog.standard();

	@Test
	void knowsTheSevenServers() {
		assertThat(this.catalog.profiles()).extracting(ServerProfile::id).containsExactly("mysql-5.6", "mysql-5.7",
				"mysql-8.0", "mysql-8.4", "mariadb-10.6", "mariadb-10.11", "mariadb-11.4");
	}

	@ParameterizedTest
	@CsvSource({
			"mysql-5.6, thread_stack, 256K", "mysql-8.0, thread_stack, 1M", "mariadb-10.11, thread_stack, 299008",
			"mysql-8.0, sort_buffer_size, 256K", "mariadb-10.6, sort_buffer_size, 2M",
			"mysql-5.6, innodb_log_buffer_size, 8M", "mysql-5.7, innodb_log_buffer_size, 16M",
			"mysql-8.4, innodb_log_buffer_size, 64M", "mariadb-11.4, innodb_log_buffer_size, 16M",
			"mysql-8.0, key_buffer_size, 8M", "mariadb-10.11, key_buffer_size, 128M",
			"mysql-5.7, max_allowed_packet, 4M", "mysql-8.0, max_allowed_packet, 64M", "mariadb-10.11, max_allowed_packet, 16M",
			"mysql-8.0, log_bin, ON", "mysql-5.7, log_bin, OFF", "mariadb-10.11, log_bin, OFF",
			"mysql-8.0, performance_schema, ON", "mariadb-10.11, performance_schema, OFF",
			"mysql-8.0, temptable_max_ram, 1G", "mysql-8.4, temptable_max_ram, auto",
			"mysql-5.6, innodb_additional_mem_pool_size, 8M", "mariadb-10.6, aria_pagecache_buffer_size, 128M",
			"mysql-8.0, internal_tmp_mem_storage_engine, TempTable"
	})
	void holdsEachServersDefault(String server, String variable, String expected) {
		ServerProfile profile = this.catalog.require(server);
		assertThat(this.catalog.variable(profile, variable)).get().extracting(VariableSpec::defaultValue).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({
			"mysql-8.0, query_cache_size", "mysql-8.4, query_cache_type", "mysql-5.7, innodb_additional_mem_pool_size",
			"mariadb-10.11, innodb_additional_mem_pool_size", "mariadb-10.11, innodb_buffer_pool_instances",
			"mysql-5.6, innodb_buffer_pool_chunk_size", "mysql-8.0, aria_pagecache_buffer_size",
			"mariadb-10.11, temptable_max_ram", "mysql-5.7, temptable_max_ram"
	})
	void knowsWhichVariablesAServerDoesNotHave(String server, String variable) {
		assertThat(this.catalog.variable(this.catalog.require(server), variable)).isEmpty();
	}

	@Test
	void holdsBoundsAndBlockSizesAsTheServerReportsThem() {
		// information_schema.SYSTEM_VARIABLES on MariaDB 10.11.19: READ_BUFFER_SIZE min 8192, max 2147483647, block 4096
		VariableSpec readBuffer = this.catalog.variable(this.catalog.require("mariadb-10.11"), "read_buffer_size").orElseThrow();
		assertThat(readBuffer.min()).isEqualTo(8192);
		assertThat(readBuffer.max()).isEqualTo(2147483647L);
		assertThat(readBuffer.blockSize()).isEqualTo(4096);
		VariableSpec sortBuffer = this.catalog.variable(this.catalog.require("mysql-8.0"), "sort_buffer_size").orElseThrow();
		assertThat(Long.toUnsignedString(sortBuffer.max())).isEqualTo("18446744073709551615");
	}

}
