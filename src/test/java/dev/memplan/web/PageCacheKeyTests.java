package dev.memplan.web;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The page cache's key and the planner page come from the same canonical parameters (issue 13):
 * every address answered from the cache is the page a fresh render gives, and two addresses share an
 * entry exactly when their fresh pages are the same.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PageCacheKeyTests {

	/** Spellings of the same plan, pages that differ by one value, and pages that only look alike. */
	private static final List<String> ADDRESSES = List.of("hostRam=16G&mysqlShare=0.5", "mysqlShare=0.50&hostRam=16G",
			"hostRam=16G&mysqlShare=.5", "hostRam=16G&mysqlShare=50%25", "hostRam=16G&mysqlShare=50%20%25",
			"hostRam=16G&mysqlShare=0.5&utm_source=chat", "hostRam=16G&mysqlShare=%200.5%20", "hostRam=16G&mysqlShare=5e-1",
			"hostRam=16G&mysqlShare=0.6", "hostRam=16G&mysqlShare=150", "hostRam=16G&mysqlShare=1.5",
			"hostRam=16G&mysqlShare=0.85", "hostRam=16G&mysqlShare=85", "hostRam=16G", "hostRam=16G&mysqlShare=",
			"hostRam=12%47", "hostRam=12G", "hostRam=12g", "hostRam=16G&expectedConnections=+0100",
			"hostRam=16G&expectedConnections=100", "hostRam=16G&expectedConnections=-1",
			"hostRam=16G&max_connections=500&sort_buffer_size=2M", "hostRam=16G&sort_buffer_size=2M&max-connections=500",
			"hostRam=16G&defaultsOf=mysql-8.0&max_connections=151", "hostRam=16G&max_connections=151",
			"hostRam=16G&allowFewerConnections=on", "hostRam=16G&allowFewerConnections=true", "hostRam=16G&allowFewerConnections=off",
			"hostRam=", "hostRam=&x=1", "", "x=1", "server=mariadb-10.11", "server=%20mariadb-10.11",
			"hostRam=16G&lang=ja", "hostRam=16G&lang=en", "hostRam=16G&server=mysql-8.0&server=mariadb-10.11",
			"hostRam=%3Cx7%3E", "hostRam=16G&mysqlShare=%3Cx7%3E");

	@Autowired
	private MockMvc cached;

	@Autowired
	private WebApplicationContext context;

	@Test
	void everyAddressGetsItsOwnPageAndTheSamePageOneEntry() throws Exception {
		MockMvc fresh = MockMvcBuilders.webAppContextSetup(this.context).build(); // no filters: no cache
		Map<String, String> freshPages = new HashMap<>();
		for (String address : ADDRESSES) {
			freshPages.put(address, fetch(fresh, address).getContentAsString());
		}
		Map<String, String> tags = new HashMap<>();
		for (int round = 0; round < 2; round++) {
			for (String address : ADDRESSES) {
				MockHttpServletResponse answer = fetch(this.cached, address);
				assertThat(answer.getContentAsString()).as("page for ?%s", address).isEqualTo(freshPages.get(address));
				assertThat(answer.getHeader("ETag")).as(address).isNotNull();
				tags.put(address, answer.getHeader("ETag"));
			}
		}
		for (String a : ADDRESSES) {
			for (String b : ADDRESSES) {
				boolean samePage = freshPages.get(a).equals(freshPages.get(b));
				assertThat(tags.get(a).equals(tags.get(b))).as("?%s and ?%s: same page %s", a, b, samePage).isEqualTo(samePage);
			}
		}
		Set<String> distinctPages = new HashSet<>(freshPages.values());
		assertThat(new HashSet<>(tags.values())).hasSameSizeAs(distinctPages);
		// the examples are one page each
		assertThat(tags.get("hostRam=16G&mysqlShare=0.5")).isEqualTo(tags.get("mysqlShare=0.50&hostRam=16G"))
			.isEqualTo(tags.get("hostRam=16G&mysqlShare=50%25"))
			.isEqualTo(tags.get("hostRam=16G&mysqlShare=0.5&utm_source=chat"));
		assertThat(tags.get("hostRam=12%47")).isEqualTo(tags.get("hostRam=12G"));
		assertThat(tags.get("hostRam=16G&mysqlShare=150")).isNotEqualTo(tags.get("hostRam=16G&mysqlShare=1.5"));
		assertThat(freshPages.get("hostRam=16G&mysqlShare=%3Cx7%3E")).doesNotContain("<x7>");
	}

	@Test
	void keepsTheLanguageOnAnAnswerFromTheCache() throws Exception {
		fetch(this.cached, "hostRam=8G&lang=ja");
		MockHttpServletResponse again = fetch(this.cached, "lang=ja&hostRam=8G&ignored=1");
		assertThat(again.getHeader("Content-Language")).isEqualTo("ja");
		assertThat(again.getContentAsString()).contains("href=\"/?hostRam=8G&amp;lang=zh-CN\"").doesNotContain("ignored");
	}

	private static MockHttpServletResponse fetch(MockMvc mvc, String query) throws Exception {
		return mvc.perform(get(URI.create(query.isEmpty() ? "/" : "/?" + query))).andReturn().getResponse();
	}

}
