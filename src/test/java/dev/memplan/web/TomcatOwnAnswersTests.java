package dev.memplan.web;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.memplan.support.RawHttp;
import dev.memplan.support.RawHttp.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers Tomcat writes before any filter runs carry the application's security headers, and
 * OPTIONS and 405 name only the methods a path really serves (issue 13). Raw sockets to a real
 * server: MockMvc never sees a malformed request line or TRACE.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TomcatOwnAnswersTests {

	@LocalServerPort
	private int port;

	@Test
	void tomcatsOwnErrorsCarryTheSecurityHeaders() throws IOException {
		List<String> requests = List.of("GET /%zz HTTP/1.1", // bad %-escape
				"GET / HTTP/1.1 junk", // malformed request line
				"GE\u0001T / HTTP/1.1", // a control character in the method
				"GET /" + "a".repeat(17_000) + " HTTP/1.1", // over server.max-http-request-header-size
				"GET /x HTTP/1.1\r\nX-Bad: a\u0001b", // a control character in a header
				"GET /..;/x HTTP/1.1", "GET * HTTP/1.1", "TRACE / HTTP/1.1");
		for (String request : requests) {
			Answer answer = RawHttp.send(this.port, request);
			String what = request.substring(0, Math.min(40, request.length()));
			assertThat(answer.status()).as(what).isBetween(400, 499);
			assertSecurityHeaders(answer, what);
			assertThat(answer.header("Cache-Control")).as(what).isEqualTo("no-store");
			assertThat(answer.body()).as(what).doesNotContain("Exception", "Apache Tomcat/");
		}
	}

	@Test
	void theBodyLimitsRefusalCarriesThemToo() throws IOException {
		Answer answer = RawHttp.send(this.port, "POST /api/v1/plan HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2000000");
		assertThat(answer.status()).isEqualTo(413);
		assertSecurityHeaders(answer, "413");
		assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
	}

	@Test
	void traceIsRefusedNamingOnlyThePathsOwnMethods() throws IOException {
		assertAllow(RawHttp.send(this.port, "TRACE / HTTP/1.1"), 405, "GET", "HEAD", "OPTIONS", "POST");
		assertAllow(RawHttp.send(this.port, "TRACE /api/v1/plan HTTP/1.1"), 405, "OPTIONS", "POST");
		assertAllow(RawHttp.send(this.port, "TRACE /export/my.cnf HTTP/1.1"), 405, "GET", "HEAD", "OPTIONS");
		assertAllow(RawHttp.send(this.port, "TRACE /static/css/memplan.css HTTP/1.1"), 405, "GET", "HEAD", "OPTIONS");
		Answer nowhere = RawHttp.send(this.port, "TRACE /nothing-here HTTP/1.1");
		assertThat(nowhere.status()).isEqualTo(404);
		assertThat(nowhere.header("Allow")).isNull();
		Answer api = RawHttp.send(this.port, "TRACE /api/v1/plan HTTP/1.1\r\nX-Echo: <x7>");
		assertThat(api.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(api.body()).doesNotContain("<x7>", "X-Echo");
	}

	@Test
	void optionsNamesOnlyWhatThePathServes() throws IOException {
		assertAllow(RawHttp.send(this.port, "OPTIONS / HTTP/1.1"), 200, "GET", "HEAD", "OPTIONS", "POST");
		assertAllow(RawHttp.send(this.port, "OPTIONS /api/v1/plan HTTP/1.1"), 200, "OPTIONS", "POST");
		assertAllow(RawHttp.send(this.port, "OPTIONS /export/my.cnf HTTP/1.1"), 200, "GET", "HEAD", "OPTIONS");
		// Tomcat answers OPTIONS * itself with GET, HEAD, POST, PUT, DELETE, OPTIONS: here it is the server's own methods
		Answer star = RawHttp.send(this.port, "OPTIONS * HTTP/1.1");
		assertAllow(star, 200, "GET", "HEAD", "OPTIONS", "POST");
		assertSecurityHeaders(star, "OPTIONS *");
		assertThat(RawHttp.send(this.port, "OPTIONS /nothing-here HTTP/1.1").status()).isEqualTo(404);
	}

	private static void assertAllow(Answer answer, int status, String... methods) {
		assertThat(answer.status()).isEqualTo(status);
		assertThat(answer.header("Allow")).isNotNull();
		assertThat(answer.header("Allow").split(",")).extracting(String::strip).containsExactlyInAnyOrder(methods);
		assertSecurityHeaders(answer, "Allow " + answer.header("Allow"));
	}

	private static void assertSecurityHeaders(Answer answer, String what) {
		assertThat(answer.header("Content-Security-Policy")).as(what).isEqualTo(SecurityHeadersFilter.POLICY);
		assertThat(answer.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
		assertThat(answer.header("X-Frame-Options")).as(what).isEqualTo("DENY");
		assertThat(answer.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
	}

}
