package dev.memplan.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.memplan.core.InvalidInputException;
import dev.memplan.web.ErrorPage;
import dev.memplan.web.LanguageResolver;

/**
 * Every API error is an RFC 9457 problem document (other paths get the error page): bad fields are listed one by one, and no
 * exception text or stack trace reaches the client.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private final ErrorPage errorPage;

	ApiProblemHandler(ErrorPage errorPage) {
		this.errorPage = errorPage;
	}

	static final URI INVALID_INPUT = URI.create("https://memplan.dev/problems/invalid-input");

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.problems().size() + " field(s) cannot be used; see errors.");
		problem.setType(INVALID_INPUT);
		problem.setTitle("Invalid input");
		List<Map<String, String>> errors = ex.problems().stream()
			.map((p) -> Map.of("field", p.field(), "message", p.message()))
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	/** Outside /api/ the error is a page, in the reader's language, not a problem document. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && !servlet.getRequest().getRequestURI().startsWith("/api/")) {
			Locale locale = new LanguageResolver().resolveLocale(servlet.getRequest());
			return ResponseEntity.status(statusCode).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.body(this.errorPage.render(statusCode.value(), locale));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not a JSON plan request: check the syntax and that each field is a string or a number.");
		problem.setType(INVALID_INPUT);
		problem.setTitle("Unreadable request");
		return ResponseEntity.badRequest().body(problem);
	}

}
