package dev.memplan.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.memplan.core.InvalidInputException;

import tools.jackson.core.exc.StreamReadException;

/**
 * Every error of the API's controllers is an RFC 9457 problem document: bad fields are listed one
 * by one, and no exception text or stack trace reaches the client. Errors raised before a
 * controller was chosen (404, 405) are the site's error handler's, in {@code web}.
 */
@RestControllerAdvice(basePackageClasses = ApiProblemHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Pattern DUPLICATE = Pattern.compile("^Duplicate (?:Object property|field) ['\"](.*)['\"]", Pattern.DOTALL);

	static final URI INVALID_INPUT = URI.create("https://memplan.dev/problems/invalid-input");

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.problems().size() + " field(s) cannot be used; see errors.");
		problem.setType(INVALID_INPUT);
		problem.setTitle("Invalid input");
		List<Map<String, String>> errors = ex.problems().stream()
			.map((p) -> Map.of("field", p.field(), "message", p.message().inEnglish()))
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String duplicate = duplicateKey(ex);
		if (duplicate != null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The key \"" + duplicate + "\" appears more than once in the request body; give each key once.");
			problem.setType(INVALID_INPUT);
			problem.setTitle("Duplicate key");
			problem.setProperty("errors", List.of(Map.of("field", duplicate, "message", "Given more than once.")));
			return ResponseEntity.badRequest().body(problem);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not a JSON plan request: check the syntax and that each field is a string or a number.");
		problem.setType(INVALID_INPUT);
		problem.setTitle("Unreadable request");
		return ResponseEntity.badRequest().body(problem);
	}

	/** The key Jackson's duplicate detection named ({@code Duplicate Object property "hostRam"}), at most 100 characters; null for other errors. */
	static String duplicateKey(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof StreamReadException read && read.getOriginalMessage() != null) {
				Matcher matcher = DUPLICATE.matcher(read.getOriginalMessage());
				if (matcher.find()) {
					String key = matcher.group(1);
					return (key.length() > 100) ? key.substring(0, 100) + "…" : key;
				}
			}
		}
		return null;
	}

}
