package dev.memplan.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What the servlet container's error dispatch shows (an exception no handler took, a 405 for TRACE
 * that Tomcat refuses itself): the error page in the reader's language, or a problem document under
 * {@code /api/}; never exception text. {@code /error} asked for directly is no page: 404.
 */
@Controller
class SiteErrorController implements ErrorController {

	private final ErrorPage errorPage;

	private final LocaleResolver languages;

	SiteErrorController(ErrorPage errorPage, LocaleResolver languages) {
		this.errorPage = errorPage;
		this.languages = languages;
	}

	@RequestMapping("/error")
	ResponseEntity<Object> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		int status = (code instanceof Integer value && value >= 400 && value <= 599) ? value : 404;
		if (code == null) {
			path = request.getRequestURI();
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

}
