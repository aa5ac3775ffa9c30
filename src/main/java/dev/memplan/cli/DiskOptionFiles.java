package dev.memplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.memplan.optionfile.OptionFile;

/**
 * The command line reads the user's own files on the user's own machine: the files named, and
 * what their {@code !include}/{@code !includedir} lines name, relative to the first file. (The
 * web server never does this.) Each file is read once, at most {@link #MAX_BYTES}.
 */
final class DiskOptionFiles {

	static final long MAX_BYTES = 4L << 20;

	private static final int MAX_FILES = 256;

	private final Map<Path, OptionFile> files = new LinkedHashMap<>();

	private final InputStream stdin;

	private Path base;

	DiskOptionFiles(InputStream stdin) {
		this.stdin = stdin;
	}

	List<OptionFile> read(List<String> names) throws IOException {
		for (String name : names) {
			if (name.equals("-")) {
				this.files.put(Path.of("-"), new OptionFile("stdin", readLimited(this.stdin, "stdin")));
				continue;
			}
			Path path = Path.of(name);
			if (this.base == null) {
				this.base = path.toAbsolutePath().getParent();
			}
			add(path, name);
		}
		return new ArrayList<>(this.files.values());
	}

	private void add(Path path, String displayName) throws IOException {
		Path key = path.toAbsolutePath().normalize();
		if (this.files.containsKey(key)) {
			return;
		}
		if (this.files.size() >= MAX_FILES) {
			throw new CliException("more than " + MAX_FILES + " option files; stopping at " + displayName);
		}
		if (!Files.exists(path)) {
			throw new CliException("cannot read " + displayName + ": no such file");
		}
		if (Files.isDirectory(path)) {
			throw new CliException("cannot read " + displayName + ": it is a directory (name the .cnf files, e.g. " + displayName + "/*.cnf)");
		}
		if (Files.size(path) > MAX_BYTES) {
			throw new CliException("cannot read " + displayName + ": " + Files.size(path) + " bytes is larger than the "
					+ MAX_BYTES + "-byte limit for an option file");
		}
		String text;
		try (InputStream in = Files.newInputStream(path)) {
			text = readLimited(in, displayName);
		}
		this.files.put(key, new OptionFile(displayName, text));
		followIncludes(text);
	}

	private void followIncludes(String text) throws IOException {
		for (String line : text.split("\n")) {
			String stripped = line.strip();
			if (stripped.startsWith("!includedir")) {
				Path dir = resolve(stripped.substring(11).strip());
				if (Files.isDirectory(dir)) {
					try (Stream<Path> entries = Files.list(dir)) {
						for (Path file : entries.filter((p) -> p.getFileName().toString().endsWith(".cnf")).sorted().toList()) {
							add(file, dir.getFileName() + "/" + file.getFileName());
						}
					}
				}
			}
			else if (stripped.startsWith("!include")) {
				Path file = resolve(stripped.substring(8).strip());
				if (Files.isRegularFile(file)) {
					add(file, file.getFileName().toString());
				}
			}
		}
	}

	private Path resolve(String target) {
		Path path = Path.of(target);
		return (path.isAbsolute() || this.base == null) ? path : this.base.resolve(path);
	}

	static String readLimited(InputStream in, String name) throws IOException {
		byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
		if (bytes.length > MAX_BYTES) {
			throw new CliException("cannot read " + name + ": larger than the " + MAX_BYTES + "-byte limit");
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
