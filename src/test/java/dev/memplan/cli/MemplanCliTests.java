package dev.memplan.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.memplan.support.ExpectedBudget;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MemplanCliTests {

	@TempDir
	Path dir;

	private String stdout;

	private String stderr;

	private int run(String stdin, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new MemplanCli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of())
			.run(List.of(args));
		this.stdout = out.toString(StandardCharsets.UTF_8);
		this.stderr = err.toString(StandardCharsets.UTF_8);
		return code;
	}

	private Path file(String name, String text) throws Exception {
		Path file = this.dir.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
		return file;
	}

	@Test
	void exitsZeroWhenTheWorstCaseFits() throws Exception {
		Path cnf = file("my.cnf", "[mysqld]\nmax_connections=100\n");
		assertThat(run("", "check", "--server", "mysql-8.0", "--ram", "16G", cnf.toString())).isEqualTo(0);
		assertThat(this.stdout).contains("FITS: the worst case stays within the budget limit.");
		assertThat(this.stderr).isEmpty();
	}

	@Test
	void exitsOneWhenOvercommittedOrTight() throws Exception {
		// MariaDB 10.11 defaults: a worst case of about 15.7 GiB (ExpectedBudget); 2 GiB RAM → OVERCOMMITTED
		Path cnf = file("my.cnf", "[mysqld]\n");
		assertThat(run("", "check", "--server", "mariadb-10.11", "--ram", "2G", cnf.toString())).isEqualTo(1);
		assertThat(this.stdout).contains("OVERCOMMITTED");
		// RAM 10 % above the worst case: the limit (85 %) < worst case < RAM → TIGHT: fails by default, passes with
		// --fail-on overcommitted
		String ram = Long.toString(ExpectedBudget.mariadb1011WorstCase() / 10 * 11);
		assertThat(run("", "check", "--server", "mariadb-10.11", "--ram", ram, cnf.toString())).isEqualTo(1);
		assertThat(this.stdout).contains("TIGHT");
		assertThat(run("", "check", "--server", "mariadb-10.11", "--ram", ram, "--fail-on", "overcommitted", cnf.toString()))
			.isEqualTo(0);
	}

	@Test
	void exitsTwoOnAnErrorNamingFileAndLine() throws Exception {
		Path cnf = file("my.cnf", "[mysqld]\n\nsort_buffer_size = 1.5G\n");
		assertThat(run("", "check", "--server", "mysql-8.0", "--ram", "16G", cnf.toString())).isEqualTo(2);
		assertThat(this.stderr).contains(cnf + ":3: sort_buffer_size = 1.5G is not a size this server reads: the server refuses to start");
	}

	@Test
	void followsIncludesOnDiskRelativeToTheFirstFile() throws Exception {
		Path cnf = file("my.cnf", "[mysqld]\n!includedir conf.d\n");
		file("conf.d/tuning.cnf", "[mysqld]\nsort_buffer_size=4M\n");
		file("conf.d/notes.txt", "[mysqld]\nsort_buffer_size=64M\n");
		run("", "check", "--server", "mysql-8.0", "--ram", "16G", "--format", "json", cnf.toString());
		assertThat(this.stdout).contains("\"origin\" : \"conf.d/tuning.cnf:2\"");
		assertThat(this.stdout).doesNotContain("notes.txt").contains("\"value\" : \"4M\"");
	}

	@Test
	void printsTheApiResponseAsJson() throws Exception {
		Path cnf = file("my.cnf", "[mysqld]\nmax_connections=500\n");
		assertThat(run("", "check", "--server", "mysql-8.0", "--ram", "16G", "--format", "json", cnf.toString())).isEqualTo(0);
		// global + 501 × per connection (ExpectedBudget)
		assertThat(this.stdout).contains("\"worstCaseBytes\" : " + (ExpectedBudget.mysql80GlobalAt500() + 501 * ExpectedBudget.mysql80PerConnection()))
			.contains("\"verdict\" : \"FITS\"");
	}

	@Test
	void printsMarkdownForATicket() throws Exception {
		Path cnf = file("my.cnf", "[mysqld]\n");
		run("", "check", "--server", "mysql-8.0", "--ram", "16G", "--format", "markdown", cnf.toString());
		assertThat(this.stdout).startsWith("# memplan: MySQL 8.0 on a 16 GiB host").contains("| term | bytes | variables |")
			.contains("```ini\n[mysqld]");
	}

	@Test
	void readsStandardInputAsAFile() {
		assertThat(run("[mysqld]\nmax_connections = 10\n", "check", "--server", "mysql-8.0", "--ram", "16G", "--format", "json", "-"))
			.isEqualTo(0);
		assertThat(this.stdout).contains("\"origin\" : \"stdin:2\"");
	}

	@Test
	void readsADumpAndPrintsOnlyTheSnippetWithRecommend() throws Exception {
		Path dump = file("vars.txt", "Variable_name\tValue\nversion\t10.11.19-MariaDB\nsort_buffer_size\t4194304\n");
		// 32G: the ceiling (about 16 GiB with 4M sort buffers) fits
		assertThat(run("", "check", "--ram", "32G", "--show-variables", dump.toString(), "--recommend")).isEqualTo(0);
		assertThat(this.stdout).startsWith("[mysqld]\n# memplan for MariaDB 10.11").contains("innodb_buffer_pool_size = ");
	}

	@Test
	void saysClearlyWhatIsWrongWithTheFilesNamed() throws Exception {
		assertThat(run("", "check", "--ram", "16G", this.dir.resolve("missing.cnf").toString())).isEqualTo(2);
		assertThat(this.stderr).isEqualTo("memplan: cannot read " + this.dir.resolve("missing.cnf") + ": no such file\n");
		assertThat(run("", "check", "--ram", "16G", this.dir.toString())).isEqualTo(2);
		assertThat(this.stderr).contains("it is a directory");
		Path huge = this.dir.resolve("huge.cnf");
		Files.write(huge, new byte[(int) DiskOptionFiles.MAX_BYTES + 10]);
		assertThat(run("", "check", "--ram", "16G", huge.toString())).isEqualTo(2);
		assertThat(this.stderr).contains("larger than the 4194304-byte limit").doesNotContain("Exception");
	}

	@Test
	void refusesBadArgumentsWithExitTwo() throws Exception {
		assertThat(run("", "check", "--ram", "lots", "-")).isEqualTo(2);
		assertThat(this.stderr).contains("memplan: --ram: Host RAM 'lots' is not a valid size");
		assertThat(run("", "check", "--server", "mysql-8.0", "my.cnf")).isEqualTo(2);
		assertThat(this.stderr).contains("--ram is required");
		assertThat(run("", "check", "--ram", "16G", "--format", "yaml", "-")).isEqualTo(2);
		assertThat(run("", "check", "--ram", "16G", "--password", "secret", "-")).isEqualTo(2);
		assertThat(this.stderr).contains("--password-env").doesNotContain("secret");
		assertThat(run("", "check", "--bogus")).isEqualTo(2);
		assertThat(this.stderr).contains("unknown option --bogus");
	}

	@Test
	void summarizesAKernelLog() throws Exception {
		String log = "[ 4709.116275] Memory cgroup out of memory: Kill process 71414 (mysqld) score 108 or sacrifice child\n"
				+ "[ 4709.122085] Killed process 71414 (mysqld) total-vm:1121372kB, anon-rss:452468kB, file-rss:0kB, shmem-rss:0kB\n"
				+ "[ 4827.986920] Memory cgroup out of memory: Kill process 123841 (mysqld) score 101 or sacrifice child\n"
				+ "[ 4827.992207] Killed process 123841 (mysqld) total-vm:465616kB, anon-rss:423524kB, file-rss:0kB, shmem-rss:0kB\n";
		assertThat(run(log, "check", "--oom-log", "-")).isZero();
		// 452468 kB anon-rss = 441.9 MiB
		assertThat(this.stdout).startsWith("OOM events: 2\n")
			.contains("killed mysqld (pid 71414), resident 441.9 MiB, score 108")
			.contains("restart loop: mysqld killed 2 times within 119 s");
		Path cnf = file("my.cnf", "[mysqld]\n");
		Path logFile = file("kern.log", log);
		assertThat(run("", "check", "--server", "mysql-8.0", "--ram", "16G", "--oom-log", logFile.toString(), cnf.toString())).isZero();
		assertThat(this.stdout).contains("FITS").contains("OOM events: 2");
	}

	@Test
	void listsEverythingInHelpAndPrintsTheVersion() {
		assertThat(run("", "help")).isZero();
		assertThat(this.stdout).contains("memplan check", "memplan version", "Examples:");
		assertThat(run("", "check", "--help")).isZero();
		assertThat(this.stdout).contains("--fail-on", "--show-variables", "--recommend", "--instance", "--oom-log", "--live",
				"--password-env", "Exit codes:");
		assertThat(run("", "version")).isZero();
		assertThat(this.stdout).startsWith("memplan ");
	}

	@Test
	void writesSarifForCodeScanningAndKeepsTheExitCode() throws Exception {
		Path cnf = file("my.cnf", "[mysqld]\nmax_connections = 500\n");
		// MariaDB 10.11 with 500 connections on 2 GiB: OVERCOMMITTED, exit 1 as with every format
		assertThat(run("", "check", "--server", "mariadb-10.11", "--ram", "2G", "--format", "sarif", cnf.toString())).isEqualTo(1);
		tools.jackson.databind.JsonNode sarif = tools.jackson.databind.json.JsonMapper.builder().build().readTree(this.stdout);
		assertThat(sarif.get("version").asString()).isEqualTo("2.1.0");
		tools.jackson.databind.JsonNode verdict = null;
		for (tools.jackson.databind.JsonNode result : sarif.get("runs").get(0).get("results")) {
			if (result.get("ruleId").asString().equals("MEMORY_VERDICT")) {
				verdict = result;
			}
		}
		assertThat(verdict).isNotNull();
		assertThat(verdict.get("level").asString()).isEqualTo("error");
		tools.jackson.databind.JsonNode location = verdict.get("locations").get(0).get("physicalLocation");
		assertThat(location.get("artifactLocation").get("uri").asString()).isEqualTo("file://" + cnf);
		assertThat(location.get("region").get("startLine").asInt()).isEqualTo(2); // max_connections = 500
	}

	@Test
	void refusesSarifWithoutFiles() {
		assertThat(run("", "check", "--ram", "8G", "--format", "sarif", "--live", "db1", "--user", "u")).isEqualTo(2);
		assertThat(this.stderr).contains("--format sarif reports on files");
	}

}
