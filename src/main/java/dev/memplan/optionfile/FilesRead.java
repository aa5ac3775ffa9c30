package dev.memplan.optionfile;

import java.util.List;

import dev.memplan.core.Origin;

/**
 * Which files were read and what became of each option, for a person checking that memplan read
 * what the server reads: each file with the directive it satisfied and its groups, then each
 * option used or ignored, and why. Bounded for the page: at most {@link #MAX_FILES} files and
 * {@link #MAX_OPTIONS} options are listed, the rest counted ({@code moreFiles}, {@code moreOptions}).
 */
public record FilesRead(List<FileRead> files, int moreFiles, List<OptionRead> options, int moreOptions) {

	public static final int MAX_FILES = 64;

	public static final int MAX_OPTIONS = 200;

	/** How a file came to be read. */
	public enum Reason {
		/** given by the user and included by no other file */
		GIVEN,
		/** named by an {@code !include} */
		INCLUDE,
		/** in the folder an {@code !includedir} names */
		INCLUDEDIR,
		/** uploaded without its folder, taken as the only {@code !includedir} that found none */
		INCLUDEDIR_WITHOUT_FOLDER,
		/** uploaded, but nothing read it (its folder's or name's directive was never reached) */
		NOT_READ
	}

	/**
	 * @param directive the {@code !include}/{@code !includedir} line that read it, or null
	 * @param directiveOrigin where that line is
	 * @param timesRead how often it was read (a file included twice is read twice)
	 * @param groups its groups, in order (at most {@link #MAX_GROUPS_PER_FILE})
	 */
	public record FileRead(String name, Reason reason, String directive, Origin directiveOrigin, long timesRead, List<String> groups) {
	}

	public static final int MAX_GROUPS_PER_FILE = 16;

	/** What became of one option line. */
	public enum Status {
		/** its value is the one the server uses */
		USED,
		/** a group for another program ({@code [client]}, {@code [mysqld_safe]}) */
		OTHER_PROGRAM,
		/** another mysqld_multi instance's group */
		OTHER_INSTANCE,
		/** a later line sets the same option ({@code by}) */
		OVERRIDDEN,
		/** {@code loose-} and unknown to this server: skipped with a warning */
		LOOSE_UNKNOWN,
		/** unknown or refused: the server would not start (see the findings) */
		REFUSED
	}

	/** @param by for OVERRIDDEN, the line whose value wins */
	public record OptionRead(Origin origin, String group, String name, Status status, Origin by) {
	}

}
