package dev.memplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import dev.memplan.report.PlanResponseMapper;
import dev.memplan.budget.Plan;
import dev.memplan.app.PlanQuery;
import dev.memplan.budget.Verdict;
import dev.memplan.live.DeniedAccount;
import dev.memplan.live.LiveTarget;
import dev.memplan.core.Diagnostic;
import dev.memplan.core.InputProblem;
import dev.memplan.core.InvalidInputException;
import dev.memplan.core.Severity;
import dev.memplan.optionfile.OptionFile;
import dev.memplan.report.OomSummary;
import dev.memplan.report.TextReport;
import dev.memplan.app.ImportRequest;
import dev.memplan.app.PlanResult;
import dev.memplan.app.PlanService;
import dev.memplan.report.LiveResponse;
import dev.memplan.report.SarifReport;
import dev.memplan.report.SnippetWriter;
import dev.memplan.app.HostCheckService;
import dev.memplan.app.LiveOutcome;
import dev.memplan.app.LivePlanService;
import dev.memplan.app.LiveProbeSettings;
import dev.memplan.report.EnglishText;

/**
 * {@code memplan check|help|version}: the same engine as the page, without starting a web server.
 * Exit codes: 0 fits, 1 tight or overcommitted (see --fail-on), 2 input errors.
 */
public final class MemplanCli {

	public static final int FITS = 0;

	public static final int OVER_BUDGET = 1;

	public static final int INPUT_ERROR = 2;

	private static final Set<String> COMMANDS = Set.of("check", "help", "version", "--help", "--version");

	private final InputStream in;

	private final PrintStream out;

	private final PrintStream err;

	private final Map<String, String> env;

	private final PlanService planService = new PlanService();

	private final HostCheckService hostCheck = new HostCheckService();

	public MemplanCli(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
		this.in = in;
		this.out = out;
		this.err = err;
		this.env = env;
	}

	/** True when the arguments ask for the command line rather than the web server. */
	public static boolean handles(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	public int run(List<String> args) {
		String command = args.isEmpty() ? "help" : args.get(0);
		try {
			return switch (command) {
				case "version", "--version" -> {
					this.out.println("memplan " + version());
					yield FITS;
				}
				case "check" -> check(CheckOptions.parse(args.subList(1, args.size())));
				default -> {
					this.out.print(Help.GENERAL);
					yield FITS;
				}
			};
		}
		catch (CheckOptions.UsageException ex) {
			this.err.println("memplan: " + ex.getMessage());
			return INPUT_ERROR;
		}
		catch (CliException ex) {
			this.err.println("memplan: " + ex.getMessage());
			return INPUT_ERROR;
		}
		catch (InvalidInputException ex) {
			for (InputProblem problem : ex.problems()) {
				this.err.println("memplan: " + optionName(problem.field()) + ": " + problem.message().inEnglish());
			}
			return INPUT_ERROR;
		}
		catch (IOException ex) {
			this.err.println("memplan: " + ex.getMessage());
			return INPUT_ERROR;
		}
	}

	private int check(CheckOptions options) throws IOException {
		if (options.help) {
			this.out.print(Help.CHECK);
			return FITS;
		}
		String oomSummary = (options.oomLog != null) ? OomSummary.text(this.hostCheck.analyzeLog(readDump(options.oomLog))) : null;
		if (oomSummary != null && options.files.isEmpty() && options.showVariables == null && options.live == null) {
			this.out.print(oomSummary);
			return FITS;
		}
		if (options.ram == null) {
			throw new CheckOptions.UsageException("--ram is required (the host's RAM, e.g. --ram 16G)");
		}
		if (options.files.isEmpty() && options.showVariables == null && options.live == null) {
			throw new CheckOptions.UsageException("name my.cnf files, - for standard input, --show-variables FILE or --live HOST");
		}
		if (options.live != null) {
			return live(options, oomSummary);
		}
		DiskOptionFiles disk = new DiskOptionFiles(this.in);
		List<OptionFile> files = disk.read(options.files);
		Map<String, String> texts = new LinkedHashMap<>();
		files.forEach((file) -> texts.put(file.name(), file.text()));
		String dump = (options.showVariables != null) ? readDump(options.showVariables) : null;
		PlanResult result = this.planService.plan(query(options).withServer(options.server),
				new ImportRequest(null, texts, dump, options.instance));
		return report(result, options, oomSummary);
	}

	/** --live host[:port] --user U --password-env VAR: never a password on the command line. */
	private int live(CheckOptions options, String oomSummary) {
		if (options.user == null) {
			throw new CheckOptions.UsageException("--live needs --user");
		}
		String password = "";
		if (options.passwordEnv != null) {
			password = this.env.get(options.passwordEnv);
			if (password == null) {
				throw new CheckOptions.UsageException("the environment variable " + options.passwordEnv + " (--password-env) is not set");
			}
		}
		String[] hostPort = hostAndPort(options.live);
		LiveTarget target;
		try {
			target = LiveTarget.of(hostPort[0], hostPort[1], options.user, password.toCharArray(), options.tls);
		}
		catch (LiveTarget.InvalidTargetException ex) {
			throw new CliException("--live: " + ex.getMessage());
		}
		LiveOutcome outcome = new LivePlanService(LiveProbeSettings.commandLine(), this.planService)
			.probeAndPlan(target, query(options));
		if (outcome instanceof LiveOutcome.Failed failed) {
			throw new CliException(failed.failure().deniedAccount()
				// one statement a line, to copy into a client
				.map((denied) -> denied.englishSentence(target.address()) + "\n" + DeniedAccount.englishHowTo() + "\n  "
						+ String.join("\n  ", denied.leastPrivilegeStatements()))
				.orElse(failed.failure().message()));
		}
		LiveOutcome.Planned planned = (LiveOutcome.Planned) outcome;
		if (options.format.equals("json") && !options.recommendOnly) {
			// the live answer is the API's: the plan's fields and the live section with the observed peaks
			this.out.print(JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
				.writeValueAsString(LiveResponse.of(planned.result(), planned.figures())) + "\n");
			return exitCode(planned.result().plan(), options);
		}
		return report(planned.result(), options, oomSummary);
	}

	/** The host and plan options every check shares. */
	private static PlanQuery query(CheckOptions options) {
		return PlanQuery.EMPTY.withHostRam(options.ram)
			.withExpectedConnections(options.expectedConnections)
			.withMysqlShare(options.share)
			.withReservedForOtherProcesses(options.reserved)
			.withAssumptions(new PlanQuery.Assumptions(options.tempTables, options.largestPacket, options.allocator));
	}

	/** {@code db1}, {@code db1:3307}, {@code [2001:db8::5]:3306}. */
	static String[] hostAndPort(String text) {
		if (text.startsWith("[") && text.contains("]")) {
			String host = text.substring(1, text.indexOf(']'));
			String rest = text.substring(text.indexOf(']') + 1);
			return new String[] { host, rest.startsWith(":") ? rest.substring(1) : null };
		}
		int colon = text.lastIndexOf(':');
		if (colon > 0 && text.indexOf(':') == colon) {
			return new String[] { text.substring(0, colon), text.substring(colon + 1) };
		}
		return new String[] { text, null };
	}

	/** A dump, a kernel log: a whole text file, or - for standard input. */
	private String readDump(String name) throws IOException {
		if (name.equals("-")) {
			return DiskOptionFiles.readLimited(this.in, "stdin");
		}
		Path path = Path.of(name);
		if (!Files.isRegularFile(path)) {
			throw new CliException("cannot read " + name + (Files.isDirectory(path) ? ": it is a directory" : ": no such file"));
		}
		try (InputStream stream = Files.newInputStream(path)) {
			return DiskOptionFiles.readLimited(stream, name);
		}
	}

	private int report(PlanResult result, CheckOptions options, String oomSummary) {
		Plan plan = result.plan();
		if (options.recommendOnly) {
			this.out.print(SnippetWriter.write(plan));
		}
		else {
			this.out.print(switch (options.format) {
				case "json" -> JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
					.writeValueAsString(PlanResponseMapper.toResponse(result)) + "\n";
				case "sarif" -> JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
					.writeValueAsString(SarifReport.of(plan, sarifFiles(options), version())) + "\n";
				case "markdown" -> TextReport.markdown(plan);
				default -> TextReport.text(plan);
			});
			if (oomSummary != null && !options.format.equals("json") && !options.format.equals("sarif")) {
				this.out.print("\n" + oomSummary);
			}
		}
		return exitCode(plan, options);
	}

	/** Prints the input errors; 2 for them, 1 when the verdict fails the check, else 0. */
	private int exitCode(Plan plan, CheckOptions options) {
		List<Diagnostic> errors = plan.diagnostics().stream().filter((d) -> d.severity() == Severity.ERROR).toList();
		for (Diagnostic error : errors) {
			this.err.println("memplan: " + ((error.where() != null) ? error.where() + ": " : "") + EnglishText.of(error));
		}
		if (!errors.isEmpty()) {
			return INPUT_ERROR;
		}
		Verdict verdict = plan.budget().verdict();
		if (verdict == Verdict.OVERCOMMITTED || (verdict == Verdict.TIGHT && options.failOn.equals("tight"))) {
			return OVER_BUDGET;
		}
		return FITS;
	}

	/** The files a SARIF report points into, as the user named them: the option files, or the dump. */
	private static List<String> sarifFiles(CheckOptions options) {
		if (!options.files.isEmpty()) {
			return options.files.stream().map((name) -> name.equals("-") ? "stdin" : name).toList();
		}
		return List.of(options.showVariables.equals("-") ? "stdin" : options.showVariables);
	}

	private static String optionName(String field) {
		return switch (field) {
			case "hostRam" -> "--ram";
			case "expectedConnections" -> "--expected-connections";
			case "mysqlShare" -> "--share";
			case "reservedForOtherProcesses" -> "--reserved";
			case "server" -> "--server";
			case "tempTablesPerStatement" -> "--temp-tables-per-statement";
			case "largestPacket" -> "--largest-packet";
			case "allocator" -> "--allocator";
			default -> field;
		};
	}

	static String version() {
		String version = MemplanCli.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "development build";
	}

}
