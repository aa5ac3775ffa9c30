package dev.memplan.optionfile;

/**
 * One option file as the user gave it: a name (a path such as {@code conf.d/tuning.cnf} when
 * uploaded from a folder) and its text. memplan never opens a file on its own disk.
 */
public record OptionFile(String name, String text) {

	/** The last path component: what {@code !include} and {@code !includedir} are matched against. */
	public String fileName() {
		String normalized = this.name.replace('\\', '/');
		return normalized.substring(normalized.lastIndexOf('/') + 1);
	}

	/** The folder the file was uploaded from ({@code conf.d}), or empty. */
	public String folderName() {
		String normalized = this.name.replace('\\', '/');
		int slash = normalized.lastIndexOf('/');
		if (slash < 0) {
			return "";
		}
		String folder = normalized.substring(0, slash);
		return folder.substring(folder.lastIndexOf('/') + 1);
	}

}
