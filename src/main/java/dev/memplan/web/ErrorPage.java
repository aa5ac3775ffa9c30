package dev.memplan.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The error page as HTML, for errors raised before any page controller was chosen (404, 405, 415) or that name their reason (400). */
@Component
public class ErrorPage {

	private final ITemplateEngine templates;

	ErrorPage(ITemplateEngine templates) {
		this.templates = templates;
	}

	public String render(int status, Locale locale) {
		return this.templates.process("error", new Context(locale, Map.of("status", status)));
	}

	/** @param reason a message key: {@code reason} is the heading, {@code reason + "Text"} the sentence below it */
	public String render(int status, Locale locale, String reason) {
		return this.templates.process("error", new Context(locale, Map.of("status", status, "reason", reason)));
	}

}
