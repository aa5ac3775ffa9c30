package dev.memplan.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.memplan.core.InvalidInputException;

/**
 * Errors outside the API's controllers: a page in the reader's language, not a problem document.
 * Spring MVC errors raised before any controller was chosen (404, 405, 415) reach this handler for
 * every path; under {@code /api/} they stay problem documents.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class SiteErrorHandler extends ResponseEntityExceptionHandler {

	static final String UNREADABLE_UPLOAD = "The multipart body cannot be read: its boundary is missing or does not match "
			+ "the body, or a part is cut short.";

	private final ErrorPage errorPage;

	private final LocaleResolver languages;

	SiteErrorHandler(ErrorPage errorPage, LocaleResolver languages) {
		this.errorPage = errorPage;
		this.languages = languages;
	}

	/** A download link (exports) with inputs that cannot be planned: the error page, 400. */
	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Object> invalidInput(InvalidInputException ex, WebRequest request) {
		return handleExceptionInternal(ex, null, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * A multipart body that cannot be parsed (no boundary, a boundary the body never uses, a part cut
	 * short), on any path: 400 with the reason, never a 500. Too large stays 413 (the parent's handler).
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> unreadableUpload(MultipartException ex, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && !servlet.getRequest().getRequestURI().startsWith("/api/")) {
			Locale locale = this.languages.resolveLocale(servlet.getRequest());
			return ResponseEntity.badRequest().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.body(this.errorPage.render(400, locale, "error.upload"));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, UNREADABLE_UPLOAD);
		problem.setTitle("Unreadable multipart body");
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && !servlet.getRequest().getRequestURI().startsWith("/api/")) {
			Locale locale = this.languages.resolveLocale(servlet.getRequest());
			return ResponseEntity.status(statusCode).headers(headers).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.body(this.errorPage.render(statusCode.value(), locale));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

}
