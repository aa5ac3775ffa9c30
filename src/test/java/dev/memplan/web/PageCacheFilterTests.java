package dev.memplan.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class PageCacheFilterTests {

	private final AtomicInteger renders = new AtomicInteger();

	/** Stands in for the planner: a page naming its parameters and language, and a count of renders. */
	private final HttpServlet planner = new HttpServlet() {
		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
			PageCacheFilterTests.this.renders.incrementAndGet();
			if (request.getParameter("fail") != null) {
				response.sendError(400);
				return;
			}
			response.setContentType("text/html;charset=UTF-8");
			response.setHeader("Content-Language", "en");
			response.getWriter().write("<p>" + request.getParameterMap().keySet() + " "
					+ String.join(",", request.getParameterValues("max_connections")) + " "
					+ request.getHeader("Accept-Language") + "</p>");
		}
	};

	@Test
	void rendersAPageOnceAndServesTheSameBytesAndTagAgain() throws Exception {
		PageCacheFilter filter = new PageCacheFilter(1 << 20, new LanguageResolver(), PageCacheFilterTests::everyParameter);
		MockHttpServletResponse first = fetch(filter, request("500"));
		MockHttpServletResponse second = fetch(filter, request("500"));
		assertThat(this.renders).hasValue(1);
		assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString())
			.isEqualTo("<p>[server, max_connections] 500 null</p>");
		assertThat(second.getHeader("ETag")).isEqualTo(first.getHeader("ETag")).matches("\"[0-9a-f]{32}\"");
		assertThat(second.getContentType()).isEqualTo("text/html;charset=UTF-8");
		assertThat(second.getHeader("Content-Language")).isEqualTo("en");
		assertThat(second.getContentLength()).isEqualTo(first.getContentAsByteArray().length);
		assertThat(second.getHeader("Vary")).isEqualTo("Accept-Language");
	}

	@Test
	void keysOnEveryParameterValueAndOnTheLanguage() throws Exception {
		PageCacheFilter filter = new PageCacheFilter(1 << 20, new LanguageResolver(), PageCacheFilterTests::everyParameter);
		fetch(filter, request("500"));
		assertThat(fetch(filter, request("600")).getContentAsString()).contains(" 600 ");
		MockHttpServletRequest repeated = request("500");
		repeated.addParameter("max_connections", "600");
		assertThat(fetch(filter, repeated).getContentAsString()).contains(" 500,600 ");
		MockHttpServletRequest japanese = request("500");
		japanese.addHeader("Accept-Language", "ja");
		assertThat(fetch(filter, japanese).getContentAsString()).contains(" ja<");
		// an Accept-Language that resolves to English again is the English page, already kept
		MockHttpServletRequest english = request("500");
		english.addHeader("Accept-Language", "en-GB,en;q=0.8");
		assertThat(fetch(filter, english).getContentAsString()).contains(" null<");
		assertThat(this.renders).hasValue(4);
	}

	@Test
	void answersAKnownTagWith304AndNoBody() throws Exception {
		PageCacheFilter filter = new PageCacheFilter(1 << 20, new LanguageResolver(), PageCacheFilterTests::everyParameter);
		String tag = fetch(filter, request("500")).getHeader("ETag");
		MockHttpServletRequest revisit = request("500");
		revisit.addHeader("If-None-Match", "\"other\", " + tag);
		MockHttpServletResponse response = fetch(filter, revisit);
		assertThat(response.getStatus()).isEqualTo(304);
		assertThat(response.getContentAsByteArray()).isEmpty();
		assertThat(response.getHeader("ETag")).isEqualTo(tag);
	}

	@Test
	void keepsNeitherFailuresNorOtherPathsNorOtherMethods() throws Exception {
		PageCacheFilter filter = new PageCacheFilter(1 << 20, new LanguageResolver(), PageCacheFilterTests::everyParameter);
		MockHttpServletRequest failing = request("500");
		failing.addParameter("fail", "1");
		fetch(filter, failing);
		assertThat(fetch(filter, failing).getStatus()).isEqualTo(400);
		MockHttpServletRequest other = request("500");
		other.setRequestURI("/live");
		fetch(filter, other);
		fetch(filter, other);
		MockHttpServletRequest post = request("500");
		post.setMethod("POST");
		fetch(filter, post);
		fetch(filter, post);
		assertThat(this.renders).hasValue(6);
		assertThat(filter.size()).isZero();
	}

	@Test
	void staysWithinItsBytesAndCanBeSwitchedOff() throws Exception {
		// each page is ~40 bytes + key; 400 bytes hold a handful, never all 100
		PageCacheFilter small = new PageCacheFilter(400, new LanguageResolver(), PageCacheFilterTests::everyParameter);
		for (int i = 0; i < 100; i++) {
			fetch(small, request(Integer.toString(i)));
		}
		assertThat(small.size()).isBetween(1L, 8L);
		PageCacheFilter off = new PageCacheFilter(0, new LanguageResolver(), PageCacheFilterTests::everyParameter);
		fetch(off, request("500"));
		MockHttpServletResponse again = fetch(off, request("500"));
		assertThat(again.getHeader("ETag")).isNull();
		assertThat(this.renders).hasValue(102);
	}

	/** This stand-in page shows every parameter value, so every parameter value is its key (the planner's is PlannerPageKey). */
	private static String everyParameter(HttpServletRequest request) {
		StringBuilder key = new StringBuilder();
		request.getParameterMap().forEach((name, values) -> key.append('\0').append(name).append('\1').append(String.join("\1", values)));
		return key.toString();
	}

	private MockHttpServletRequest request(String maxConnections) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addParameter("server", "mysql-8.0");
		request.addParameter("max_connections", maxConnections);
		return request;
	}

	private MockHttpServletResponse fetch(PageCacheFilter filter, MockHttpServletRequest request)
			throws ServletException, IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		filter.doFilter(request, response, new MockFilterChain(this.planner));
		return response;
	}

}
