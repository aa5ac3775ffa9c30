package dev.memplan.cli;

/** Bad input on the command line: the message is printed as is, exit code 2, no stack trace. */
final class CliException extends RuntimeException {

	CliException(String message) {
		super(message);
	}

}
