package dev.memplan.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.memplan.core.InputProblem;

/** Field errors and failures in the page's language, falling back to the English sentence. */
@Component
public class ProblemText {

	private final MessageSource messages;

	ProblemText(MessageSource messages) {
		this.messages = messages;
	}

	public String text(InputProblem problem, Locale locale) {
		return (problem.key() != null) ? of(problem.key(), problem.args().toArray(), problem.message(), locale) : problem.message();
	}

	/** English pages keep the domain's own sentence, which names the exact reason. */
	public String of(String key, Object[] args, String english, Locale locale) {
		if (english != null && "en".equals(locale.getLanguage())) {
			return english;
		}
		String text = this.messages.getMessage(key, args, null, locale);
		return (text != null) ? text : english;
	}

}
