package dev.memplan.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The house rules of docs/design.md as tests. Dependencies point one way:
 * <pre>
 * web.*, api, cli  (front ends: Spring MVC, Thymeleaf, Jackson, the command line)
 *        |
 *      report      (every output format: text, Markdown, my.cnf, SET PERSIST, JSON records)
 *        |
 *       app        (the use cases: plan from inputs, from files, from a live server; check a host)
 *        |
 *       live       (the only JDBC package: the probe)
 *        |
 *  domain: core, catalog, optionfile, showvariables, budget, livereading, oom
 * </pre>
 * Everything below the front ends is plain Java: no Spring, servlet, Jackson, Thymeleaf; nothing
 * but {@code live} touches JDBC.
 */
class ArchitectureTests {

	static final String[] DOMAIN = { "dev.memplan.core..", "dev.memplan.catalog..", "dev.memplan.optionfile..",
			"dev.memplan.showvariables..", "dev.memplan.budget..", "dev.memplan.livereading..", "dev.memplan.oom.." };

	static final String[] FRONT_ENDS = { "dev.memplan.web..", "dev.memplan.api..", "dev.memplan.cli.." };

	static final String[] FRAMEWORKS = { "org.springframework..", "jakarta..", "javax.servlet..", "tools.jackson..",
			"com.fasterxml.jackson..", "org.thymeleaf.." };

	static final String[] JDBC = { "java.sql..", "javax.sql..", "com.mysql.." };

	private static JavaClasses main;

	@BeforeAll
	static void importMainClasses() {
		main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.memplan");
		assertThat(main.size()).as("classes imported").isGreaterThan(100);
	}

	static ArchRule frameworkFree() {
		return noClasses().that().resideInAnyPackage(concat(DOMAIN, "dev.memplan.app..", "dev.memplan.report..", "dev.memplan.live.."))
			.should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
			.because("the core, the use cases and the output formats are plain Java, usable from the command line");
	}

	static ArchRule jdbcOnlyInLive() {
		return noClasses().that().resideOutsideOfPackages("dev.memplan.live..")
			.should().dependOnClassesThat().resideInAnyPackage(JDBC)
			.because("the live probe is the only place that talks to a server");
	}

	static ArchRule nothingBelowDependsOnTheFrontEnds() {
		return noClasses().that().resideOutsideOfPackages(concat(FRONT_ENDS, "dev.memplan"))
			.should().dependOnClassesThat().resideInAnyPackage(FRONT_ENDS);
	}

	@Test
	void domainAppReportAndLiveImportNoFramework() {
		frameworkFree().check(main);
	}

	@Test
	void onlyLiveTouchesJdbc() {
		jdbcOnlyInLive().check(main);
	}

	@Test
	void frontEndsNeverImportEachOther() {
		noClasses().that().resideInAPackage("dev.memplan.web..").should().dependOnClassesThat()
			.resideInAnyPackage("dev.memplan.api..", "dev.memplan.cli..").check(main);
		noClasses().that().resideInAPackage("dev.memplan.api..").should().dependOnClassesThat()
			.resideInAnyPackage("dev.memplan.web..", "dev.memplan.cli..").check(main);
		noClasses().that().resideInAPackage("dev.memplan.cli..").should().dependOnClassesThat()
			.resideInAnyPackage("dev.memplan.web..", "dev.memplan.api..").check(main);
	}

	@Test
	void webFeaturesShareOnlyTheWebInfrastructure() {
		slices().matching("dev.memplan.web.(*)..").should().notDependOnEachOther().check(main);
	}

	@Test
	void dependenciesPointDown() {
		nothingBelowDependsOnTheFrontEnds().check(main);
		noClasses().that().resideInAnyPackage(concat(DOMAIN, "dev.memplan.app..", "dev.memplan.live.."))
			.should().dependOnClassesThat().resideInAPackage("dev.memplan.report..").check(main);
		noClasses().that().resideInAnyPackage(concat(DOMAIN, "dev.memplan.live..")).should().dependOnClassesThat()
			.resideInAPackage("dev.memplan.app..").check(main);
		noClasses().that().resideInAnyPackage(DOMAIN).should().dependOnClassesThat().resideInAPackage("dev.memplan.live..")
			.check(main);
	}

	@Test
	void noPackageCycles() {
		slices().matching("dev.memplan.(*)..").should().beFreeOfCycles().check(main);
	}

	@Test
	void everyPackageSaysWhatItHoldsAndMayImport() throws java.io.IOException {
		java.nio.file.Path root = java.nio.file.Path.of("src/main/java/dev/memplan");
		try (java.util.stream.Stream<java.nio.file.Path> dirs = java.nio.file.Files.walk(root)) {
			java.util.List<java.nio.file.Path> packages = dirs.filter(java.nio.file.Files::isDirectory).toList();
			assertThat(packages).hasSizeGreaterThan(15);
			assertThat(packages).allSatisfy((dir) -> assertThat(dir.resolve("package-info.java")).as("package-info in %s", dir)
				.content().contains("Imports"));
		}
	}

	@Test
	void theRulesCatchAViolation() {
		JavaClasses fixture = new ClassFileImporter().importPackages("dev.memplan.architecture.fixture");
		assertThat(fixture.size()).isEqualTo(2);
		// the fixture package stands in for a core package that imports Spring and reaches up into web
		ArchRule coreRule = noClasses().that().resideInAPackage("dev.memplan.architecture.fixture..")
			.should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);
		assertThatThrownBy(() -> coreRule.check(fixture)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("CoreClassUsingSpring").hasMessageContaining("org.springframework.util.StringUtils");
		ArchRule upward = noClasses().that().resideInAPackage("dev.memplan.architecture.fixture..")
			.should().dependOnClassesThat().resideInAnyPackage(FRONT_ENDS);
		assertThatThrownBy(() -> upward.check(fixture)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("FrontEndCallingAnother");
	}

	private static String[] concat(String[] first, String... more) {
		String[] all = new String[first.length + more.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

}
