package dev.memplan.app.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;

/**
 * Where a target's password comes from: an environment variable or a file that only its owner
 * can read. The inventory names the source, never the password; it is read just before each
 * probe, so a rotated password is picked up by the next scan.
 */
public sealed interface PasswordSource {

	/** At most this much of a password file is read: a password, not a document. */
	int MAX_FILE_BYTES = 4096;

	/** @throws PasswordUnavailableException with a message that names the source, never a secret */
	char[] read(Map<String, String> env);

	/** What this source is, for messages: {@code env MEMPLAN_FLEET_PASSWORD}, {@code file /run/secrets/db}. */
	String describe();

	record None() implements PasswordSource {

		@Override
		public char[] read(Map<String, String> env) {
			return new char[0];
		}

		@Override
		public String describe() {
			return "no password";
		}

	}

	record FromEnv(String variable) implements PasswordSource {

		@Override
		public char[] read(Map<String, String> env) {
			String value = env.get(this.variable);
			if (value == null) {
				throw new PasswordUnavailableException("the environment variable " + this.variable + " (passwordEnv) is not set");
			}
			return value.toCharArray();
		}

		@Override
		public String describe() {
			return "env " + this.variable;
		}

	}

	record FromFile(Path file) implements PasswordSource {

		@Override
		public char[] read(Map<String, String> env) {
			String problem = unusable(this.file);
			if (problem != null) {
				throw new PasswordUnavailableException(problem);
			}
			try {
				byte[] bytes;
				try (var in = Files.newInputStream(this.file)) {
					bytes = in.readNBytes(MAX_FILE_BYTES + 1);
				}
				if (bytes.length > MAX_FILE_BYTES) {
					throw new PasswordUnavailableException("the password file " + this.file + " is longer than " + MAX_FILE_BYTES + " bytes");
				}
				String text = new String(bytes, StandardCharsets.UTF_8);
				java.util.Arrays.fill(bytes, (byte) 0);
				// one trailing line break is how editors and `echo` end a file, not part of the password
				int end = text.length();
				if (end > 0 && text.charAt(end - 1) == '\n') {
					end--;
				}
				if (end > 0 && text.charAt(end - 1) == '\r') {
					end--;
				}
				return text.substring(0, end).toCharArray();
			}
			catch (IOException ex) {
				throw new PasswordUnavailableException("the password file " + this.file + " cannot be read (" + ex.getClass().getSimpleName() + ")");
			}
		}

		@Override
		public String describe() {
			return "file " + this.file;
		}

		/** @return why the file cannot hold a password, or null when it can */
		static String unusable(Path file) {
			if (!Files.isRegularFile(file)) {
				return "the password file " + file + " does not exist or is not a regular file";
			}
			if (!Files.isReadable(file)) {
				return "the password file " + file + " is not readable by this process";
			}
			try {
				Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
				if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
					return "the password file " + file + " can be read by its group or by everyone; make it owner-only (chmod 600)";
				}
			}
			catch (UnsupportedOperationException ex) {
				// no POSIX permissions on this file system: nothing to check
			}
			catch (IOException ex) {
				return "the permissions of the password file " + file + " cannot be read";
			}
			return null;
		}

	}

	/** The password could not be had; the target is reported down with this reason. */
	final class PasswordUnavailableException extends RuntimeException {

		public PasswordUnavailableException(String message) {
			super(message);
		}

	}

}
