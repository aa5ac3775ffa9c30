package dev.memplan.core;

/** A size the server would refuse; the message names the text and says why. */
public class ByteSizeFormatException extends IllegalArgumentException {

	private final String text;

	public ByteSizeFormatException(String text, String reason) {
		super("'" + InputProblem.excerpt(text) + "' is not a valid size: " + reason);
		this.text = text;
	}

	public String text() {
		return this.text;
	}

}
