package dev.memplan.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.support.WebContentGenerator;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What the servlet container's error dispatch shows (an exception no handler took, a 405 for TRACE
 * that Tomcat refuses itself): the error page in the reader's language, or a problem document under
 * {@code /api/}; never exception text. {@code /error} asked for directly is no page: 404.
 */
@Controller
class SiteErrorController implements ErrorController {

	private final ErrorPage errorPage;

	private final LocaleResolver languages;

	private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;

	private final ObjectProvider<AbstractUrlHandlerMapping> urlMappings;

	SiteErrorController(ErrorPage errorPage, LocaleResolver languages, ObjectProvider<RequestMappingInfoHandlerMapping> mappings,
			ObjectProvider<AbstractUrlHandlerMapping> urlMappings) {
		this.errorPage = errorPage;
		this.languages = languages;
		this.mappings = mappings;
		this.urlMappings = urlMappings;
	}

	@RequestMapping("/error")
	ResponseEntity<Object> error(HttpServletRequest request, HttpServletResponse response) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		int status = (code instanceof Integer value && value >= 400 && value <= 599) ? value : 404;
		if (code == null) {
			path = request.getRequestURI();
		}
		if (code != null && status == 405 && "TRACE".equals(request.getAttribute(RequestDispatcher.ERROR_METHOD))) {
			// Tomcat refused TRACE before Spring ran, with an Allow naming every method of the servlet (PUT, DELETE)
			Set<String> allowed = allowedMethods(path);
			if (allowed.isEmpty()) {
				status = 404;
			}
			else {
				response.setHeader("Allow", String.join(", ", allowed));
			}
		}
		HttpStatus known = HttpStatus.resolve(status);
		if (path != null && path.startsWith("/api/")) {
			ProblemDetail problem = ProblemDetail.forStatus(status);
			problem.setTitle((known != null) ? known.getReasonPhrase() : "Error");
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		Locale locale = this.languages.resolveLocale(request);
		return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.body(this.errorPage.render(status, locale));
	}

	/**
	 * The methods a path is served with, as Spring MVC would list them for OPTIONS: the mapped methods,
	 * HEAD with GET, and OPTIONS; empty for a path nothing serves (the error path itself included).
	 */
	Set<String> allowedMethods(String path) {
		Set<String> methods = new LinkedHashSet<>();
		if (path == null) {
			return methods;
		}
		PathContainer container = PathContainer.parsePath(path);
		this.mappings.orderedStream().forEach((mapping) -> mapping.getHandlerMethods().keySet().forEach((info) -> {
			boolean matches = info.getPatternValues().stream().anyMatch((pattern) -> PathPatternParser.defaultInstance.parse(pattern).matches(container));
			if (matches) {
				info.getMethodsCondition().getMethods().forEach((method) -> methods.add(method.name()));
			}
		}));
		this.urlMappings.orderedStream().forEach((mapping) -> mapping.getHandlerMap().forEach((pattern, handler) -> {
			if (PathPatternParser.defaultInstance.parse(pattern).matches(container) && handler instanceof WebContentGenerator generator
					&& generator.getSupportedMethods() != null) {
				methods.addAll(List.of(generator.getSupportedMethods()));
			}
		}));
		if (methods.isEmpty()) {
			return methods;
		}
		if (methods.contains("GET")) {
			methods.add("HEAD");
		}
		methods.remove("TRACE");
		methods.add("OPTIONS");
		return methods;
	}

}
