package dev.memplan.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;

/**
 * English, Simplified Chinese or Japanese: {@code ?lang=} when given (so a permalink keeps the
 * choice), else the best of Accept-Language. Stateless: no cookie, no session.
 */
public class LanguageResolver implements LocaleResolver {

	public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.JAPANESE);

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Locale chosen = parse(request.getParameter("lang"));
		if (chosen != null) {
			return chosen;
		}
		String header = request.getHeader("Accept-Language");
		if (header != null && !header.isBlank()) {
			try {
				Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
				if (best != null) {
					return best;
				}
				for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
					Locale match = parse(range.getRange());
					if (match != null) {
						return match;
					}
				}
			}
			catch (IllegalArgumentException ex) {
				// a malformed header: English
			}
		}
		return Locale.ENGLISH;
	}

	/** {@code en}, {@code zh-CN} (or any zh), {@code ja}; null for anything else. */
	public static Locale parse(String tag) {
		if (tag == null || tag.isBlank()) {
			return null;
		}
		String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
		return switch (language) {
			case "en" -> Locale.ENGLISH;
			case "zh" -> Locale.SIMPLIFIED_CHINESE;
			case "ja" -> Locale.JAPANESE;
			default -> null;
		};
	}

	public static String tag(Locale locale) {
		return locale.equals(Locale.SIMPLIFIED_CHINESE) ? "zh-CN" : locale.getLanguage();
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("The language is chosen with ?lang=, not stored");
	}

}
