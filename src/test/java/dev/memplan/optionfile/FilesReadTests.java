package dev.memplan.optionfile;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.memplan.catalog.ServerCatalog;
import dev.memplan.core.DiagnosticCode;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Files read" panel: each file with the directive it satisfied, each option with what became of it; bounded. */
class FilesReadTests {

	private final ServerCatalog catalog = ServerCatalog.standard();

	private OptionFileImporter.Imported read(String server, String instance, OptionFile... files) {
		return new OptionFileImporter(this.catalog).read(List.of(files), this.catalog.require(server), instance);
	}

	@Test
	void aFileUploadedWithoutItsFolderSatisfiesTheIncludedirThatFoundNone() {
		// a browser's file picker sends "tuning.cnf", not "conf.d/tuning.cnf"
		OptionFile main = new OptionFile("my.cnf", "[mysqld]\n!includedir /etc/mysql/conf.d/\nsort_buffer_size=1M\n");
		OptionFile tuning = new OptionFile("tuning.cnf", "[mysqld]\nmax_connections=400\nsort_buffer_size=4M\n");
		OptionFileImporter.Imported imported = read("mysql-8.0", null, main, tuning);
		assertThat(imported.settings().diagnostics()).extracting((d) -> d.code()).doesNotContain(DiagnosticCode.INCLUDE_NOT_UPLOADED);
		assertThat(imported.settings().get("max_connections").text()).isEqualTo("400");
		// read at the directive, before my.cnf's own line 3, as the server reads a directory: my.cnf's 1M wins
		assertThat(imported.settings().get("sort_buffer_size").text()).isEqualTo("1M");
		FilesRead panel = imported.filesRead();
		assertThat(panel.files()).extracting(FilesRead.FileRead::name).containsExactly("my.cnf", "tuning.cnf");
		FilesRead.FileRead file = panel.files().get(1);
		assertThat(file.reason()).isEqualTo(FilesRead.Reason.INCLUDEDIR_WITHOUT_FOLDER);
		assertThat(file.directive()).isEqualTo("!includedir /etc/mysql/conf.d/");
		assertThat(file.directiveOrigin()).hasToString("my.cnf:2");
		assertThat(file.groups()).containsExactly("mysqld");
		assertThat(panel.options()).extracting((o) -> o.origin() + " " + o.name() + " " + o.status() + " " + o.by())
			.containsExactly("tuning.cnf:2 max_connections USED null", "tuning.cnf:3 sort_buffer_size OVERRIDDEN my.cnf:3",
					"my.cnf:3 sort_buffer_size USED null");
	}

	@Test
	void aFileInItsFolderIsReadByTheIncludedirOfThatName() {
		OptionFile main = new OptionFile("my.cnf", "[mysqld]\n!includedir /etc/mysql/conf.d/\n");
		OptionFile tuning = new OptionFile("conf.d/tuning.cnf", "[mysqld]\nmax_connections=400\n");
		FilesRead panel = read("mysql-8.0", null, main, tuning).filesRead();
		assertThat(panel.files().get(1).reason()).isEqualTo(FilesRead.Reason.INCLUDEDIR);
		assertThat(panel.files().get(0).reason()).isEqualTo(FilesRead.Reason.GIVEN);
	}

	@Test
	void saysWhyEachIgnoredOptionWasIgnored() {
		OptionFile file = new OptionFile("my.cnf", """
				[client]
				password = secret
				[mysqld]
				loose-innodb_fake_option = 1
				sort_bufer_size = 4M
				max_connections = 100
				[mysqld3306]
				max_connections = 800
				""");
		FilesRead panel = read("mysql-8.0", null, file).filesRead();
		assertThat(panel.options()).extracting((o) -> o.name() + " " + o.status()).containsExactly("password OTHER_PROGRAM",
				"loose-innodb_fake_option LOOSE_UNKNOWN", "sort_bufer_size REFUSED", "max_connections USED",
				"max_connections OTHER_INSTANCE");
		assertThat(read("mysql-8.0", "mysqld3306", file).filesRead().options()).extracting((o) -> o.name() + " " + o.status())
			.endsWith("max_connections OVERRIDDEN", "max_connections USED");
	}

	@Test
	void listsAtMostTwoHundredOptionsAndCountsTheRest() {
		OptionFile file = new OptionFile("my.cnf", "[mysqld]\n" + "max_connections=100\n".repeat(1000));
		FilesRead panel = read("mysql-8.0", null, file).filesRead();
		assertThat(panel.options()).hasSize(FilesRead.MAX_OPTIONS);
		assertThat(panel.moreOptions()).isEqualTo(800);
		// the 200 listed lines are all overridden by the last, which is not among them
		assertThat(panel.options()).allSatisfy((o) -> assertThat(o.by()).hasToString("my.cnf:1001"));
	}

	@Test
	void everyUploadedFileIsListedWithHowItWasRead() {
		OptionFile main = new OptionFile("my.cnf", "[mysqld]\n!include /etc/mysql/a.cnf\n");
		OptionFile a = new OptionFile("a.cnf", "[mysqld]\n");
		OptionFile b = new OptionFile("b/c.cnf", "[mysqld]\nmax_connections=5\n");
		FilesRead panel = read("mysql-8.0", null, main, a, b).filesRead();
		assertThat(panel.files()).extracting((f) -> f.name() + " " + f.reason()).containsExactly("my.cnf GIVEN", "a.cnf INCLUDE",
				"b/c.cnf GIVEN");
	}

}
