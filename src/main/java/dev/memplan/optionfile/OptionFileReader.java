package dev.memplan.optionfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.memplan.core.Diagnostic;
import dev.memplan.core.Origin;
import dev.memplan.core.Severity;
import dev.memplan.core.DiagnosticCode;

/**
 * Reads option files line by line exactly as the server's own parser does (mysys
 * my_default.c): groups, comments, quotes, escapes, {@code !include} and {@code !includedir}.
 * Includes are resolved <em>only among the files given</em>, by file name or folder name; a
 * directive naming anything else becomes a warning, and no file system is ever touched.
 * <p>
 * Like the server, a file included twice is read twice (my_print_defaults prints its options
 * twice), and a file is never read again inside its own include chain. Because eleven small files
 * that each include the next five times would make ten million reads, the work is bounded: at most
 * {@link #MAX_LINES_PER_UPLOADED_LINE} times the uploaded lines (at least {@link #MIN_LINES_READ}),
 * {@link #MAX_OPTIONS} options and {@link #MAX_DIAGNOSTICS} findings; reading stops with an error
 * beyond them.
 */
public final class OptionFileReader {

	private static final int MAX_INCLUDE_DEPTH = 10;

	static final int MAX_LINES_PER_UPLOADED_LINE = 4;

	static final int MIN_LINES_READ = 100_000;

	static final int MAX_OPTIONS = 100_000;

	static final int MAX_DIAGNOSTICS = 200;

	private static final char BOM = '\uFEFF';

	/** What reading found: every option in file order, and the problems. */
	public record Result(List<RawOption> options, List<Diagnostic> diagnostics, List<String> groups, List<FilesRead.FileRead> files,
			int moreFiles) {
	}

	public Result read(List<OptionFile> files) {
		State state = new State(files);
		List<OptionFile> topLevel = files.stream().filter((file) -> !state.includedByOthers.contains(file)).toList();
		if (topLevel.isEmpty() && !files.isEmpty()) {
			topLevel = List.of(files.get(0)); // every file includes another: start where the user started
		}
		for (OptionFile file : topLevel) {
			readFile(file, state, 0, FilesRead.Reason.GIVEN, null, null);
		}
		if (state.unlisted > 0) {
			state.diagnostics.add(Diagnostic.of(DiagnosticCode.MORE_FINDINGS, Severity.INFO, state.unlisted));
		}
		List<FilesRead.FileRead> read = new ArrayList<>();
		int moreFiles = 0;
		for (OptionFile file : files) {
			FileRecord record = state.records.get(file);
			if (read.size() >= FilesRead.MAX_FILES) {
				moreFiles++;
			}
			else if (record == null) {
				read.add(new FilesRead.FileRead(file.name(), FilesRead.Reason.NOT_READ, null, null, 0, List.of()));
			}
			else {
				read.add(new FilesRead.FileRead(file.name(), record.reason, record.directive, record.origin, record.timesRead,
						List.copyOf(record.groups)));
			}
		}
		return new Result(List.copyOf(state.options), List.copyOf(state.diagnostics), List.copyOf(state.groups), List.copyOf(read),
				moreFiles);
	}

	/** How one file came to be read (its first read), how often, and its groups. Bounded: one per uploaded file. */
	private static final class FileRecord {

		final FilesRead.Reason reason;

		final String directive;

		final Origin origin;

		final Set<String> groups = new LinkedHashSet<>();

		long timesRead;

		FileRecord(FilesRead.Reason reason, String directive, Origin origin) {
			this.reason = reason;
			this.directive = directive;
			this.origin = origin;
		}

	}

	private void readFile(OptionFile file, State state, int depth, FilesRead.Reason reason, String directive, Origin via) {
		if (!state.reading.add(file)) {
			state.report(Diagnostic.about(null, Origin.optionFile(file.name(), 0), DiagnosticCode.INCLUDE_CYCLE, Severity.WARNING, file.name()));
			return;
		}
		FileRecord record = state.records.computeIfAbsent(file, (f) -> new FileRecord(reason, directive, via));
		boolean firstRead = ++record.timesRead == 1;
		String[] lines = state.lines(file);
		String group = null;
		for (int index = 0; index < lines.length && !state.stopped; index++) {
			int lineNumber = index + 1;
			Origin origin = Origin.optionFile(file.name(), lineNumber);
			if (++state.linesRead > state.maxLinesRead || state.options.size() >= MAX_OPTIONS) {
				state.stop(origin);
				break;
			}
			String line = lines[index];
			if (line.endsWith("\r")) {
				line = line.substring(0, line.length() - 1);
			}
			if (index == 0 && !line.isEmpty() && line.charAt(0) == BOM) {
				state.report(Diagnostic.about(null, origin, DiagnosticCode.BOM, Severity.ERROR, file.name()));
				line = line.substring(1);
			}
			String stripped = line.strip();
			if (stripped.isEmpty() || stripped.charAt(0) == '#' || stripped.charAt(0) == ';') {
				continue;
			}
			if (stripped.charAt(0) == '!') {
				directive(stripped, origin, state, depth);
				continue;
			}
			if (stripped.charAt(0) == '[') {
				int close = stripped.indexOf(']');
				if (close < 0) {
					state.report(Diagnostic.about(null, origin, DiagnosticCode.GROUP_NOT_CLOSED, Severity.ERROR));
					group = null;
					continue;
				}
				// name up to the first ']'; trailing blanks trimmed, leading kept (server behaviour)
				group = stripTrailing(stripped.substring(1, close)).toLowerCase(Locale.ROOT);
				state.groups.add(group);
				if (firstRead && record.groups.size() < FilesRead.MAX_GROUPS_PER_FILE) {
					record.groups.add(group);
				}
				continue;
			}
			if (group == null) {
				state.report(Diagnostic.about(null, origin, DiagnosticCode.OPTION_BEFORE_GROUP, Severity.ERROR));
				continue;
			}
			RawOption option = option(group, removeEndComment(line), origin);
			if (option != null) {
				state.options.add(option);
			}
		}
		state.reading.remove(file);
	}

	private static RawOption option(String group, String line, Origin origin) {
		int equals = line.indexOf('=');
		if (equals < 0) {
			String name = line.strip();
			return name.isEmpty() ? null : new RawOption(group, name, null, origin);
		}
		String name = line.substring(0, equals).strip();
		String value = line.substring(equals + 1).strip();
		if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
				&& value.charAt(value.length() - 1) == value.charAt(0)) {
			value = value.substring(1, value.length() - 1);
		}
		return new RawOption(group, name, unescape(value), origin);
	}

	/** A '#' outside quotes starts a comment; ';' after a value does not. */
	static String removeEndComment(String line) {
		char quote = 0;
		boolean escape = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if ((c == '\'' || c == '"') && !escape) {
				if (quote == 0) {
					quote = c;
				}
				else if (quote == c) {
					quote = 0;
				}
			}
			if (quote == 0 && c == '#') {
				return line.substring(0, i);
			}
			escape = quote != 0 && c == '\\' && !escape;
		}
		return line;
	}

	static String unescape(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i < value.length() - 1) {
				char next = value.charAt(++i);
				switch (next) {
					case 'b' -> out.append('\b');
					case 't' -> out.append('\t');
					case 'n' -> out.append('\n');
					case 'r' -> out.append('\r');
					case 's' -> out.append(' ');
					case '"' -> out.append('"');
					case '\'' -> out.append('\'');
					case '\\' -> out.append('\\');
					default -> out.append('\\').append(next);
				}
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private void directive(String line, Origin origin, State state, int depth) {
		String[] parts = line.split("\\s+", 2);
		String keyword = parts[0].toLowerCase(Locale.ROOT);
		String target = (parts.length > 1) ? parts[1].strip() : "";
		if (!keyword.equals("!include") && !keyword.equals("!includedir")) {
			return; // the server ignores other '!' lines
		}
		if (depth >= MAX_INCLUDE_DEPTH) {
			state.report(Diagnostic.about(null, origin, DiagnosticCode.INCLUDE_TOO_DEEP, Severity.WARNING, MAX_INCLUDE_DEPTH));
			return;
		}
		List<OptionFile> matched = keyword.equals("!include") ? state.matchInclude(target) : state.matchIncludeDir(target);
		FilesRead.Reason reason = keyword.equals("!include") ? FilesRead.Reason.INCLUDE : FilesRead.Reason.INCLUDEDIR;
		if (matched.isEmpty() && keyword.equals("!includedir") && origin.toString().equals(state.folderlessOwner)) {
			matched = state.folderless;
			reason = FilesRead.Reason.INCLUDEDIR_WITHOUT_FOLDER;
		}
		if (matched.isEmpty()) {
			state.report(Diagnostic.about(null, origin, DiagnosticCode.INCLUDE_NOT_UPLOADED, Severity.WARNING, keyword, target));
			return;
		}
		for (OptionFile file : matched) {
			readFile(file, state, depth + 1, reason, keyword + " " + target, origin);
		}
	}

	private static String stripTrailing(String text) {
		int end = text.length();
		while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end);
	}

	private static final class State {

		final List<OptionFile> files;

		final Set<OptionFile> includedByOthers = new HashSet<>();

		final Set<OptionFile> reading = new HashSet<>();

		final List<RawOption> options = new ArrayList<>();

		final List<Diagnostic> diagnostics = new ArrayList<>();

		final Set<String> groups = new LinkedHashSet<>();

		final Map<OptionFile, String[]> lines = new HashMap<>();

		final Map<OptionFile, FileRecord> records = new HashMap<>();

		/**
		 * A browser's file picker sends names without their folder: {@code tuning.cnf}, not
		 * {@code conf.d/tuning.cnf}. When an {@code !includedir} finds no uploaded folder of its name,
		 * the first such directive ({@code folderlessOwner}, as file:line) reads the uploaded
		 * {@code *.cnf} files that have no folder, name no include themselves and that no
		 * {@code !include} names ({@code folderless}), instead of them being read on their own.
		 */
		String folderlessOwner;

		List<OptionFile> folderless = List.of();

		final long maxLinesRead;

		long linesRead;

		int unlisted;

		boolean stopped;

		State(List<OptionFile> files) {
			this.files = files;
			long uploadedLines = 0;
			for (OptionFile file : files) {
				String[] fileLines = lines(file);
				uploadedLines += fileLines.length;
				for (String line : fileLines) {
					String stripped = line.strip();
					if (stripped.startsWith("!include ") || stripped.startsWith("!include\t")) {
						this.includedByOthers.addAll(without(matchInclude(stripped.substring(8).strip()), file));
					}
					else if (stripped.startsWith("!includedir")) {
						// the whole folder belongs to the directive, even the files it does not read
						String folder = lastComponent(stripped.substring(11).strip());
						this.includedByOthers.addAll(without(this.files.stream()
							.filter((f) -> !folder.isEmpty() && f.folderName().equals(folder)).toList(), file));
					}
				}
			}
			this.maxLinesRead = Math.max(MIN_LINES_READ, MAX_LINES_PER_UPLOADED_LINE * uploadedLines);
			takeFolderlessFiles();
		}

		private void takeFolderlessFiles() {
			Set<String> folders = new HashSet<>();
			for (OptionFile file : this.files) {
				folders.add(file.folderName());
			}
			List<OptionFile> candidates = new ArrayList<>();
			String owner = null;
			for (OptionFile file : this.files) {
				boolean includes = false;
				String[] fileLines = lines(file);
				for (int i = 0; i < fileLines.length; i++) {
					String stripped = fileLines[i].strip();
					if (stripped.startsWith("!include")) {
						includes = true;
						if (owner == null && stripped.startsWith("!includedir")) {
							String folder = lastComponent(stripped.substring(11).strip());
							if (!folder.isEmpty() && !folders.contains(folder)) {
								owner = Origin.optionFile(file.name(), i + 1).toString();
							}
						}
					}
				}
				if (!includes && file.folderName().isEmpty() && file.fileName().endsWith(".cnf") && !this.includedByOthers.contains(file)) {
					candidates.add(file);
				}
			}
			if (owner != null && !candidates.isEmpty()) {
				this.folderlessOwner = owner;
				this.folderless = candidates.stream().sorted(Comparator.comparing(OptionFile::fileName)).toList();
				this.includedByOthers.addAll(candidates);
			}
		}

		String[] lines(OptionFile file) {
			return this.lines.computeIfAbsent(file, (f) -> f.text().split("\n", -1));
		}

		/** A finding, up to {@link #MAX_DIAGNOSTICS}; the rest are counted. */
		void report(Diagnostic diagnostic) {
			if (this.diagnostics.size() < MAX_DIAGNOSTICS) {
				this.diagnostics.add(diagnostic);
			}
			else {
				this.unlisted++;
			}
		}

		void stop(Origin origin) {
			this.stopped = true;
			this.diagnostics.add(Diagnostic.about(null, origin, DiagnosticCode.READING_STOPPED, Severity.ERROR, this.linesRead - 1,
					this.options.size()));
		}

		private static List<OptionFile> without(List<OptionFile> files, OptionFile self) {
			return files.stream().filter((f) -> f != self).toList();
		}

		/** By file name: {@code !include /etc/mysql/tuning.cnf} matches an uploaded {@code tuning.cnf}. */
		List<OptionFile> matchInclude(String target) {
			String wanted = lastComponent(target);
			return this.files.stream().filter((f) -> !wanted.isEmpty() && f.fileName().equals(wanted)).limit(1).toList();
		}

		/** By folder name, {@code *.cnf} only, in byte order of their names as the server reads a directory. */
		List<OptionFile> matchIncludeDir(String target) {
			String wanted = lastComponent(target);
			return this.files.stream()
				.filter((f) -> !wanted.isEmpty() && f.folderName().equals(wanted) && f.fileName().endsWith(".cnf"))
				.sorted(Comparator.comparing(OptionFile::fileName))
				.toList();
		}

		/** The last path component, trailing separators ignored; one pass, however many separators. */
		private static String lastComponent(String path) {
			String normalized = path.replace('\\', '/');
			int end = normalized.length();
			while (end > 0 && normalized.charAt(end - 1) == '/') {
				end--;
			}
			return normalized.substring(normalized.lastIndexOf('/', end - 1) + 1, end);
		}

	}

}
