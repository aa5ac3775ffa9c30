package dev.memplan.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
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

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && !servlet.getRequest().getRequestURI().startsWith("/api/")) {
			Locale locale = this.languages.resolveLocale(servlet.getRequest());
			return ResponseEntity.status(statusCode).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.body(this.errorPage.render(statusCode.value(), locale));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

}
