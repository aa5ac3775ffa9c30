package dev.memplan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pure core (parsing and calculation) must not depend on Spring, servlets, Jackson or JDBC,
 * so it stays fast, testable and usable from the command line.
 */
class ArchitectureTests {

	static final List<String> CORE_PACKAGES = List.of("core", "catalog", "budget", "optionfile", "variables", "host");

	private static final Pattern FORBIDDEN = Pattern.compile(
			"^import\\s+(static\\s+)?(org\\.springframework|jakarta\\.|javax\\.servlet|javax\\.sql|java\\.sql|tools\\.jackson|com\\.fasterxml|com\\.mysql|org\\.thymeleaf)",
			Pattern.MULTILINE);

	@Test
	void corePackagesImportNoFrameworkOrJdbc() throws IOException {
		Path root = Path.of("src/main/java/dev/memplan");
		int checked = 0;
		for (String pkg : CORE_PACKAGES) {
			Path dir = root.resolve(pkg);
			if (!Files.isDirectory(dir)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(dir)) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
					String source = Files.readString(file);
					assertThat(FORBIDDEN.matcher(source).find()).as("%s imports a framework or JDBC", file).isFalse();
					checked++;
				}
			}
		}
		assertThat(checked).as("core source files checked").isGreaterThan(10);
	}

	@Test
	void theRuleCatchesAForbiddenImport() {
		assertThat(FORBIDDEN.matcher("package x;\nimport org.springframework.stereotype.Component;\n").find()).isTrue();
		assertThat(FORBIDDEN.matcher("package x;\nimport java.sql.Connection;\n").find()).isTrue();
		assertThat(FORBIDDEN.matcher("package x;\nimport java.util.List;\n").find()).isFalse();
	}

}
