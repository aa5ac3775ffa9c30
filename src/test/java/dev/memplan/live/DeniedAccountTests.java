package dev.memplan.live;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The account a refusing server names, read from its own error text (never from what was sent). */
class DeniedAccountTests {

	@Test
	void readsTheUserAndTheHostAsTheServerSawThem() {
		// MySQL 8.0 and MariaDB 10.11 error 1045, word for word (mysql client, wrong password)
		DeniedAccount denied = DeniedAccount
			.fromServerMessage("Access denied for user 'monitor'@'10.0.0.5' (using password: YES)").orElseThrow();
		assertThat(denied).isEqualTo(new DeniedAccount("monitor", "10.0.0.5", true));
		assertThat(denied.account()).isEqualTo("'monitor'@'10.0.0.5'");
	}

	@Test
	void mariaDbsNoPasswordErrorHasNoUsingClause() {
		// MariaDB 10.11 error 1698 for a login without a password: "Access denied for user 'nosuch'@'127.0.0.1'"
		DeniedAccount denied = DeniedAccount.fromServerMessage("Access denied for user 'nosuch'@'127.0.0.1'").orElseThrow();
		assertThat(denied.passwordSent()).isFalse();
		assertThat(denied.englishSentence("db1:3306")).endsWith(" No password was sent.");
		assertThat(DeniedAccount.fromServerMessage("Access denied for user 'u'@'h' (using password: NO)").orElseThrow().passwordSent())
			.isFalse();
	}

	@Test
	void aQuoteInTheUserNameSplitsAtTheHostAndIsEscapedAsSql() {
		// the server echoes the user name unescaped; a host part never holds a quote
		DeniedAccount denied = DeniedAccount.fromServerMessage("Access denied for user 'o'@'x'@'db.example' (using password: YES)")
			.orElseThrow();
		assertThat(denied.user()).isEqualTo("o'@'x");
		assertThat(denied.clientHost()).isEqualTo("db.example");
		assertThat(denied.account()).isEqualTo("'o''@''x'@'db.example'");
		assertThat(new DeniedAccount("a\\b", "h", true).account()).isEqualTo("'a\\\\b'@'h'");
	}

	@Test
	void controlAndBidiCharactersFromAServerAreNotPassedOn() {
		DeniedAccount denied = DeniedAccount
			.fromServerMessage("Access denied for user 'ev\u001b[2Jil\u202e'@'h\u2028x' (using password: YES)").orElseThrow();
		assertThat(denied.user()).isEqualTo("ev?[2Jil?");
		assertThat(denied.clientHost()).isEqualTo("h?x");
	}

	@Test
	void otherMessagesNameNoAccount() {
		assertThat(DeniedAccount.fromServerMessage(null)).isEmpty();
		// 1044: logged in, refused a database (the probe names none); not a wrong password
		assertThat(DeniedAccount.fromServerMessage("Access denied for user 'u'@'h' to database 'x'")).isEmpty();
		assertThat(DeniedAccount.fromServerMessage("Access denied; you need (at least one of) the PROCESS privilege(s)")).isEmpty();
		// longer than any real user name (MySQL allows 32 characters, LiveTarget 80)
		assertThat(DeniedAccount.fromServerMessage("Access denied for user '" + "u".repeat(81) + "'@'h'")).isEmpty();
	}

	@Test
	void theLeastPrivilegedAccountIsTheOneTheReadmeGives() {
		// README, Live server: none for variables and status; SELECT on performance_schema (MySQL 8); PROCESS (MariaDB).
		// No sys: the probe queries nothing there (its statements: LiveServerProbe, MeasuredMemory, ObservedPeaksReader)
		assertThat(new DeniedAccount("memplan", "10.0.0.5", true).leastPrivilegeStatements()).isEqualTo(List.of(
				"CREATE USER 'memplan'@'10.0.0.5' IDENTIFIED BY '<new password>';",
				"GRANT SELECT ON performance_schema.* TO 'memplan'@'10.0.0.5';  -- MySQL 8",
				"GRANT PROCESS ON *.* TO 'memplan'@'10.0.0.5';  -- MariaDB"));
	}

}
