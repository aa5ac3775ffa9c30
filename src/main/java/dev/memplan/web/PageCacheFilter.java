package dev.memplan.web;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps finished planner pages. A page is a pure function of its parameters and language, and a
 * permalink is opened again and again (a ticket, a chat, a runbook), so a repeat costs a copy instead
 * of a render; a browser that already has the page gets 304 on its ETag. Only GET / with a 200 HTML
 * answer is kept, bounded by bytes ({@code memplan.page-cache.max-bytes}, 0 switches it off).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class PageCacheFilter extends OncePerRequestFilter {

	private final Cache<String, CachedPage> pages;

	private final LocaleResolver languages;

	private final PageKey pageKey;

	/**
	 * {@code languages} is the application's own resolver: the key holds the language the page is
	 * rendered in; {@code pageKey} the rest, from the same canonical parameters the page is rendered from.
	 */
	PageCacheFilter(@Value("${memplan.page-cache.max-bytes:33554432}") long maxBytes, LocaleResolver languages, PageKey pageKey) {
		this.languages = languages;
		this.pageKey = pageKey;
		this.pages = (maxBytes > 0) ? Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.executor(Runnable::run)
			.<String, CachedPage>weigher((key, page) -> key.length() * 2 + page.body().length)
			.build() : null;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.pages == null || !"GET".equals(request.getMethod()) || !"/".equals(request.getRequestURI())
				|| request.getParameter("result") != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Vary", "Accept-Language");
		String key = keyOf(request);
		CachedPage page = this.pages.getIfPresent(key);
		if (page != null) {
			send(page, request, response);
			return;
		}
		ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, rendered);
		String contentType = rendered.getContentType();
		if (rendered.getStatus() == HttpServletResponse.SC_OK && contentType != null && contentType.startsWith("text/html")
				&& !rendered.containsHeader("Set-Cookie")) {
			byte[] body = rendered.getContentAsByteArray();
			page = new CachedPage(body, contentType, rendered.getHeader("Content-Language"), etagOf(body));
			this.pages.put(key, page);
			response.setHeader("ETag", page.etag());
			if (alreadyHeld(request, page)) {
				response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
				return;
			}
		}
		rendered.copyBodyToResponse();
	}

	long size() {
		return (this.pages != null) ? this.pages.estimatedSize() : 0;
	}

	private static void send(CachedPage page, HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("ETag", page.etag());
		if (page.language() != null) {
			response.setHeader("Content-Language", page.language());
		}
		if (alreadyHeld(request, page)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentType(page.contentType());
		response.setContentLength(page.body().length);
		response.getOutputStream().write(page.body());
	}

	private static boolean alreadyHeld(HttpServletRequest request, CachedPage page) {
		String knownTags = request.getHeader("If-None-Match");
		if (knownTags == null) {
			return false;
		}
		for (String tag : knownTags.split(",")) {
			String bare = tag.strip();
			if (bare.equals("*") || bare.equals(page.etag()) || bare.equals("W/" + page.etag())) {
				return true;
			}
		}
		return false;
	}

	/** The language the page would be rendered in, then the page's own canonical key. */
	private String keyOf(HttpServletRequest request) {
		return LanguageResolver.tag(this.languages.resolveLocale(request)) + '\0' + this.pageKey.of(request);
	}

	private static String etagOf(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private record CachedPage(byte[] body, String contentType, String language, String etag) {
	}

}
