package dev.memplan.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * memplan holds database passwords and reaches servers on its user's network, so another web site
 * must not drive it through the user's browser. A POST from another site ({@code Sec-Fetch-Site:
 * cross-site}, or an {@code Origin} that is not this host) is refused with 403; and while memplan
 * listens on loopback only, a request whose {@code Host} is not a loopback name is refused with 421,
 * which is what a page on a rebinding DNS name (evil.example → 127.0.0.1) sends.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class LocalOriginFilter extends OncePerRequestFilter {

	private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final boolean loopbackOnly;

	LocalOriginFilter(@Value("${server.address:}") String address) {
		this.loopbackOnly = isLoopback(address);
	}

	static boolean isLoopback(String address) {
		String value = (address == null) ? "" : address.strip().toLowerCase(Locale.ROOT);
		return value.equals("localhost") || value.startsWith("127.") || value.equals("::1") || value.equals("[::1]");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.loopbackOnly && !LOOPBACK_NAMES.contains(serverName(request))) {
			refuse(response, 421, "memplan listens on loopback only and answers requests for localhost, 127.0.0.1 or [::1].");
			return;
		}
		if (!SAFE_METHODS.contains(request.getMethod()) && crossSite(request)) {
			refuse(response, 403, "memplan does not accept a form or request sent from another web site.");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean crossSite(HttpServletRequest request) {
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (fetchSite != null) {
			// the browser's own word; Origin is "null" on our own form posts (Referrer-Policy: no-referrer)
			return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
		}
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return false; // curl and the command line send none
		}
		try {
			// names, not ports: behind a TLS proxy the Origin says 443 where this server sees 80
			String originHost = URI.create(origin).getHost();
			return originHost == null || !hostName(originHost).equals(serverName(request));
		}
		catch (IllegalArgumentException ex) {
			return true; // "null" or garbage: not this site
		}
	}

	/** The name the request was sent to, from its Host header (Tomcat's server name when there is none). */
	private static String serverName(HttpServletRequest request) {
		String host = request.getHeader("Host");
		return hostName((host != null) ? host : request.getServerName());
	}

	/** The name part of a Host header: {@code localhost:8080} → localhost, {@code [::1]:8080} → [::1]. */
	static String hostName(String host) {
		if (host == null) {
			return "";
		}
		String value = host.strip().toLowerCase(Locale.ROOT);
		if (value.startsWith("[")) {
			int close = value.indexOf(']');
			return (close > 0) ? value.substring(0, close + 1) : value;
		}
		int colon = value.indexOf(':');
		return (colon >= 0) ? value.substring(0, colon) : value;
	}

	private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setHeader("Cache-Control", "no-store");
		response.setContentType("text/plain;charset=UTF-8");
		response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
	}

}
