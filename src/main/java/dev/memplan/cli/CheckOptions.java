package dev.memplan.cli;

import java.util.ArrayList;
import java.util.List;

/** The arguments of {@code memplan check}, parsed; {@link UsageException} names what is wrong. */
final class CheckOptions {

	String server;

	String ram;

	String format = "text";

	String instance;

	String expectedConnections;

	String share;

	String reserved;

	String tempTables;

	String largestPacket;

	String allocator;

	String showVariables;

	String live;

	String user;

	String passwordEnv;

	String tls;

	String oomLog;

	boolean recommendOnly;

	boolean help;

	String failOn = "tight";

	final List<String> files = new ArrayList<>();

	static CheckOptions parse(List<String> args) {
		CheckOptions options = new CheckOptions();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			String inlineValue = null;
			if (arg.startsWith("--") && arg.contains("=")) {
				inlineValue = arg.substring(arg.indexOf('=') + 1);
				arg = arg.substring(0, arg.indexOf('='));
			}
			switch (arg) {
				case "-h", "--help" -> options.help = true;
				case "--recommend" -> options.recommendOnly = true;
				case "--server", "--ram", "--format", "--instance", "--expected-connections", "--share", "--reserved",
						"--show-variables", "--live", "--user", "--password-env", "--tls", "--oom-log", "--fail-on",
						"--temp-tables-per-statement", "--largest-packet", "--allocator" -> {
					String value = inlineValue;
					if (value == null) {
						if (i + 1 >= args.size()) {
							throw new UsageException(arg + " needs a value");
						}
						value = args.get(++i);
					}
					options.set(arg, value);
				}
				case "--password" -> throw new UsageException(
						"--password is not accepted: a password on the command line shows in ps and shell history. "
								+ "Put it in an environment variable and pass --password-env VAR");
				default -> {
					if (arg.startsWith("--") || (arg.startsWith("-") && !arg.equals("-"))) {
						throw new UsageException("unknown option " + arg + " (see memplan check --help)");
					}
					options.files.add(arg);
				}
			}
		}
		if (!List.of("text", "markdown", "json", "sarif").contains(options.format)) {
			throw new UsageException("--format must be text, markdown, json or sarif, not '" + options.format + "'");
		}
		if (options.format.equals("sarif") && options.files.isEmpty() && options.showVariables == null) {
			throw new UsageException("--format sarif reports on files: name my.cnf files or --show-variables FILE");
		}
		if (!List.of("tight", "overcommitted").contains(options.failOn)) {
			throw new UsageException("--fail-on must be tight or overcommitted, not '" + options.failOn + "'");
		}
		return options;
	}

	private void set(String option, String value) {
		switch (option) {
			case "--server" -> this.server = value;
			case "--ram" -> this.ram = value;
			case "--format" -> this.format = value;
			case "--instance" -> this.instance = value;
			case "--expected-connections" -> this.expectedConnections = value;
			case "--share" -> this.share = value;
			case "--reserved" -> this.reserved = value;
			case "--temp-tables-per-statement" -> this.tempTables = value;
			case "--largest-packet" -> this.largestPacket = value;
			case "--allocator" -> this.allocator = value;
			case "--show-variables" -> this.showVariables = value;
			case "--live" -> this.live = value;
			case "--user" -> this.user = value;
			case "--password-env" -> this.passwordEnv = value;
			case "--tls" -> this.tls = value;
			case "--oom-log" -> this.oomLog = value;
			case "--fail-on" -> this.failOn = value;
			default -> throw new IllegalStateException(option);
		}
	}

	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

}
