package dev.memplan.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.memplan.support.RawHttp;
import dev.memplan.support.RawHttp.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests broken below the controllers, sent as bytes to a real Tomcat (MockMvc hands the
 * controllers an already parsed multipart request): a clear 400, never a 500 (issue 13).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrokenRequestTests {

	private static final String FORM = "--B\r\nContent-Disposition: form-data; name=\"hostRam\"\r\n\r\n16G\r\n"
			+ "--B\r\nContent-Disposition: form-data; name=\"files\"; filename=\"my.cnf\"\r\nContent-Type: text/plain\r\n\r\n"
			+ "[mysqld]\nmax_connections=300\n\r\n--B--\r\n";

	@LocalServerPort
	private int port;

	@Test
	void aWellFormedUploadStillPlans() throws IOException {
		Answer answer = post("/", "multipart/form-data; boundary=B", FORM);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("name=\"max_connections\" value=\"300\"");
	}

	@Test
	void everyBrokenMultipartBodyIsA400PageOnThePages() throws IOException {
		String[][] broken = {
				{ "multipart/form-data", FORM }, // no boundary at all
				{ "multipart/form-data; boundary=", FORM }, // an empty one
				{ "multipart/form-data; boundary=Q", FORM }, // named but never in the body
				{ "multipart/form-data; boundary=B", "hostRam=16G" }, // not multipart at all
				{ "multipart/form-data; boundary=B", "" }, // nothing
				{ "multipart/form-data; boundary=B", FORM.substring(0, 120) }, // cut inside the file part
				{ "multipart/form-data; boundary=B", FORM.substring(0, 40) }, // cut inside the headers
				{ "multipart/form-data; boundary=B", "--B\r\nno header here\r\n\r\n16G\r\n--B--\r\n" }, // a part without its name
		};
		for (String path : new String[] { "/", "/host", "/live" }) {
			for (String[] request : broken) {
				Answer answer = post(path, request[0], request[1]);
				String what = path + " " + request[0] + " / " + request[1].length() + " bytes";
				assertThat(answer.status()).as(what).isEqualTo(400);
				assertThat(answer.header("Content-Type")).as(what).startsWith("text/html");
				assertThat(answer.body()).as(what).contains("The upload could not be read").doesNotContain("Exception", "at org.");
			}
		}
	}

	@Test
	void aBrokenMultipartBodyIsAProblemDocumentUnderTheApi() throws IOException {
		for (String contentType : new String[] { "multipart/form-data", "multipart/form-data; boundary=B" }) {
			Answer answer = post("/api/v1/plan", contentType, FORM.substring(0, 120));
			assertThat(answer.status()).as(contentType).isEqualTo(400);
			assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
			assertThat(answer.body()).contains("\"status\":400", "multipart body cannot be read").doesNotContain("Exception");
		}
	}

	@Test
	void theErrorPathAskedForDirectlyIsNoPage() throws IOException {
		for (String method : new String[] { "GET", "POST", "HEAD" }) {
			Answer answer = RawHttp.send(this.port, method + " /error HTTP/1.1", method.equals("POST") ? new byte[0] : null);
			assertThat(answer.status()).as(method).isEqualTo(404);
			assertThat(answer.body()).doesNotContain("999", "timestamp");
		}
		Answer json = RawHttp.send(this.port, "GET /error HTTP/1.1\r\nAccept: application/json");
		assertThat(json.status()).isEqualTo(404);
		assertThat(json.body()).contains("Page not found").doesNotContain("999");
	}

	private Answer post(String path, String contentType, String body) throws IOException {
		return RawHttp.send(this.port, "POST " + path + " HTTP/1.1\r\nContent-Type: " + contentType,
				body.getBytes(StandardCharsets.UTF_8));
	}

}
