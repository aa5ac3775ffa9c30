package dev.memplan.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** A Content-Security-Policy without 'unsafe-inline': the pages load their one script and one stylesheet from here. */
// before PageCacheFilter, so that a page served from the cache carries the headers too
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecurityHeadersFilter extends OncePerRequestFilter {

	static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	/** The headers every answer carries, the application's and Tomcat's own ({@link TomcatHardening}). */
	static void setHeaders(HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		// frame-ancestors 'none' for the browsers that read only the older header
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "no-referrer");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		setHeaders(response);
		// API answers and live pages carry what a server said (and whom memplan asked): no cache keeps them
		String path = request.getRequestURI();
		if (path.startsWith("/api/") || path.startsWith("/live")) {
			response.setHeader("Cache-Control", "no-store");
		}
		chain.doFilter(request, response);
	}

}
