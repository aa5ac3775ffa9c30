package dev.memplan.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/** Every page offers the three languages; on a GET page the link keeps the rest of the address. */
@ControllerAdvice(basePackages = "dev.memplan.web")
public class LanguageLinks {

	/** {@code path} is the page's own address: a POSTed result's links go to it with the kept result's id. */
	public record Link(String tag, String label, String href, String path, boolean current) {

		public String forResult(String resultId) {
			return UriComponentsBuilder.fromPath(this.path).queryParam("result", resultId).queryParam("lang", this.tag).build()
				.toUriString();
		}

	}

	@ModelAttribute("languages")
	List<Link> languages(HttpServletRequest request) {
		String query = ("GET".equals(request.getMethod()) && request.getQueryString() != null) ? request.getQueryString() : null;
		return links(request.getRequestURI(), query, RequestContextUtils.getLocale(request));
	}

	/**
	 * The links for a page at {@code path} with {@code query} (with or without its {@code ?}; null for
	 * none): a page whose query is canonical (the planner, which the page cache keeps) passes its own.
	 */
	public static List<Link> links(String path, String query, Locale current) {
		List<Link> links = new ArrayList<>();
		for (Locale locale : LanguageResolver.SUPPORTED) {
			String tag = LanguageResolver.tag(locale);
			UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
			if (query != null && !query.isEmpty()) {
				uri.query(query.startsWith("?") ? query.substring(1) : query);
			}
			links.add(new Link(tag, locale.getDisplayLanguage(locale) + (locale.equals(Locale.SIMPLIFIED_CHINESE) ? "（简体）" : ""),
					uri.replaceQueryParam("lang", tag).replaceQueryParam("result").build().toUriString(), path, locale.equals(current)));
		}
		return links;
	}

	@ModelAttribute("lang")
	String lang(HttpServletRequest request) {
		return LanguageResolver.tag(RequestContextUtils.getLocale(request));
	}

}
