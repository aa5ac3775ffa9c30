package dev.memplan.core;

/**
 * A size the server would refuse: the text and the {@link #reason()} as a message, so that a page
 * says why in its own language; the exception's own message is the English ({@code size.invalid}).
 */
public class ByteSizeFormatException extends IllegalArgumentException {

	private final String text;

	private final Message reason;

	public ByteSizeFormatException(String text, Message reason) {
		super(Message.of("size.invalid", InputProblem.excerpt(text), reason).inEnglish());
		this.text = text;
		this.reason = reason;
	}

	public String text() {
		return this.text;
	}

	/** Why the server would refuse it: a {@code size.*} message, said after "… is not a valid size:". */
	public Message reason() {
		return this.reason;
	}

}
