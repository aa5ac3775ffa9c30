package dev.memplan.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.memplan.core.InputProblem;
import dev.memplan.core.Message;

/** Field errors and failures in the page's language. */
@Component
public class ProblemText {

	private final MessageSource messages;

	ProblemText(MessageSource messages) {
		this.messages = messages;
	}

	public String text(InputProblem problem, Locale locale) {
		return text(problem.message(), locale);
	}

	/** The message in the page's language, a reason inside it too; English when a language lacks the key. */
	public String text(Message message, Locale locale) {
		Object[] args = message.args().stream().map((arg) -> (arg instanceof Message reason) ? text(reason, locale) : arg).toArray();
		String text = this.messages.getMessage(message.key(), args, null, locale);
		return (text != null) ? text : message.inEnglish();
	}

	/**
	 * For findings and failures whose English the domain still writes itself: English pages keep that
	 * sentence, other languages read {@code key}.
	 */
	public String of(String key, Object[] args, String english, Locale locale) {
		if (english != null && "en".equals(locale.getLanguage())) {
			return english;
		}
		String text = this.messages.getMessage(key, args, null, locale);
		return (text != null) ? text : english;
	}

}
