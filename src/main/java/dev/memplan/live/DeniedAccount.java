package dev.memplan.live;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The account a server refused, as the server saw it: its error 1045 (or MariaDB's 1698 when no
 * password was sent) names the user and the client's host part it matched against, e.g.
 * {@code Access denied for user 'monitor'@'10.0.0.5' (using password: YES)}. That host part is what
 * a DBA needs: an account made for {@code 'monitor'@'localhost'} never matches a connection the
 * server sees from 10.0.0.5. The text comes from the server, which may be hostile or a fake: both
 * parts are length-capped, stripped of control and format characters, and escaped as SQL string
 * literals wherever they are shown, so they can be pasted into a client as they are.
 */
public record DeniedAccount(String user, String clientHost, boolean passwordSent) {

	/**
	 * MySQL 5.6 to 8.4 and MariaDB 10.x word it the same; the host part is the last quoted field,
	 * so a user name with a quote in it still splits at the right place (a host has none). Nothing
	 * may follow: error 1044 ("… to database 'x'") is a login that worked, not a wrong password.
	 */
	private static final Pattern MESSAGE = Pattern
		.compile("Access denied for user '(.{1,80})'@'([^']{1,255})'(?: \\(using password: (YES|NO)\\))?\\s*", Pattern.DOTALL);

	/** A placeholder a DBA replaces; memplan never shows the password it was given. */
	static final String PASSWORD_PLACEHOLDER = "<new password>";

	public DeniedAccount {
		user = printable(user);
		clientHost = printable(clientHost);
	}

	/** The account from the server's message, or empty when the message does not name one. */
	public static Optional<DeniedAccount> fromServerMessage(String message) {
		if (message == null) {
			return Optional.empty();
		}
		Matcher matcher = MESSAGE.matcher(message);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		// 1698 has no "(using password: …)": MariaDB sends it exactly when no password was given
		return Optional.of(new DeniedAccount(matcher.group(1), matcher.group(2), "YES".equals(matcher.group(3))));
	}

	/** {@code 'user'@'host'} as a DBA writes it in CREATE USER or GRANT. */
	public String account() {
		return userLiteral() + "@" + hostLiteral();
	}

	public String userLiteral() {
		return literal(this.user);
	}

	public String hostLiteral() {
		return literal(this.clientHost);
	}

	/**
	 * The least-privileged account for memplan, as the README's live page section gives it: logging
	 * in is enough for the version, the variables and the status; measured memory and the high-water
	 * marks on MySQL 8 read performance_schema (the probe queries nothing in sys); MariaDB shows every
	 * connection's memory only with PROCESS.
	 */
	public List<String> leastPrivilegeStatements() {
		String account = account();
		return List.of("CREATE USER " + account + " IDENTIFIED BY '" + PASSWORD_PLACEHOLDER + "';",
				"GRANT SELECT ON performance_schema.* TO " + account + ";  -- MySQL 8",
				"GRANT PROCESS ON *.* TO " + account + ";  -- MariaDB");
	}

	/** What the server said and what it means, in English (the API's detail, the command line, the English page). */
	public String englishSentence(String address) {
		return "The server at " + address + " refused " + account() + ", the user and the host as the server saw them: either the password"
				+ " is wrong, or no account for " + userLiteral() + " has a host part that matches " + hostLiteral()
				+ " (an account made for 'localhost' does not match a connection over the network)."
				+ (this.passwordSent ? "" : " No password was sent.");
	}

	/** Introduces {@link #leastPrivilegeStatements()}. */
	public static String englishHowTo() {
		return "A least-privileged account for memplan needs no privilege for the variables and the status; SELECT on"
				+ " performance_schema adds measured memory on MySQL 8, PROCESS the memory of every connection on MariaDB:";
	}

	/** A single-quoted SQL string literal: quotes doubled, backslashes doubled (MySQL's default sql_mode reads \ as an escape). */
	static String literal(String text) {
		return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
	}

	/** Control, format (bidi overrides) and line separators become '?': the text goes into a page, a terminal and a ticket. */
	private static String printable(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			int type = Character.getType(c);
			boolean hidden = Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
					|| type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.SURROGATE;
			out.append(hidden ? "?" : new String(Character.toChars(c)));
		});
		return out.toString();
	}

}
