package dev.memplan.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.memplan.support.Corpus;
import dev.memplan.support.HostSnapshots;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded fuzz over every text endpoint, against a real server (Tomcat's own parsing included): the
 * planner (GET and the import POST: paste, SHOW VARIABLES, uploaded files), the host page (kernel log,
 * snapshot), and every {@code /api/v1} POST. Inputs are the shared corpus (read in place) cut,
 * shuffled, repeated, spliced and salted with hostile tokens. Every answer: below 500, no stack
 * trace or exception class name, a marker {@code <x7>} never echoed unescaped into HTML, and back
 * within {@link #BOUND} (issue 13). The live probe is switched off here, so no fuzzed
 * host name is ever connected to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "memplan.live.enabled=false")
class TextEndpointsFuzzTests {

	private static final long SEED = 13_2026_12_01L;

	private static final Duration BOUND = Duration.ofSeconds(3);

	private static final String MARKER = "<x7>";

	/** A stack frame or a JVM/framework exception class name; checked only where the input itself has none. */
	private static final Pattern LEAK = Pattern.compile(
			"(?:\\tat |\\bCaused by: |\\b(?:java|jakarta|javax|org\\.springframework|org\\.apache|tools\\.jackson|com\\.fasterxml|dev\\.memplan)\\.[\\w.$]*(?:Exception|Error)\\b|\\b\\w+(?:Exception|Error): )");

	private static final String[] TOKENS = { MARKER, "\"" + MARKER + "\"", "'><x7>", "\u0000", "\r", "\t", "\u202e", "\uFFFF",
			"\uD83D\uDE00", "\\", "%", "%zz", "{", "}", "[", "]", "[mysqld]", "!include " + MARKER, "!includedir /", "=", "==",
			"--", "#", ";", "|", "+", "-1", "0", "1e-999999999", "9".repeat(400), "18446744073709551616", "1.5G", "16E",
			"max_connections=", "innodb_buffer_pool_size=9E", "| version | 99999999999.0.1 |", "kernel 2.6.32-99999999999",
			"proc 1 0 -737280 0 1 0 mysqld", "Out of memory: Killed process 1 (<x7>)", "null", "true", "NaN" };

	private static final List<String> SERVERS = List.of("mysql-8.0", "mysql-5.7", "mariadb-10.11", "detect", MARKER, "");

	@LocalServerPort
	private int port;

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	private final List<Long> millis = new ArrayList<>();

	private final Map<Integer, Integer> statuses = new TreeMap<>();

	@Test
	void everyTextEndpointAnswersMutatedCorpusInputsCleanly() throws Exception {
		List<String> mycnf = read("mycnf");
		List<String> variables = read("variables");
		List<String> logs = read("oom");
		Random random = new Random(SEED);
		long start = System.nanoTime();
		int cases = 0;
		for (int i = 0; i < 400; i++, cases++) {
			plannerGet(random);
		}
		for (int i = 0; i < 400; i++, cases++) {
			importPost(random, mycnf, variables);
		}
		for (int i = 0; i < 300; i++, cases++) {
			hostForm(random, logs);
		}
		for (int i = 0; i < 300; i++, cases++) {
			apiPlanJson(random, mycnf, variables);
		}
		for (int i = 0; i < 200; i++, cases++) {
			Map<String, String> query = planParameters(random);
			check("POST /api/v1/plan text " + i, send(post("/api/v1/plan?" + form(query), "text/plain;charset=UTF-8",
					mutate(pick(random, mycnf), random))), "");
		}
		for (int i = 0; i < 300; i++, cases++) {
			String log = mutate(pick(random, logs), random);
			check("POST /api/v1/oom-log " + i, send(post("/api/v1/oom-log", "text/plain;charset=UTF-8", log)), log);
		}
		for (int i = 0; i < 200; i++, cases++) {
			String snapshot = mutate(HostSnapshots.WORKED_EXAMPLE, random);
			check("POST /api/v1/host text " + i, send(post("/api/v1/host?worstCase=" + enc(value(random, "3.2G")), "text/plain",
					snapshot)), snapshot);
		}
		for (int i = 0; i < 150; i++, cases++) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("snapshot", mutate(HostSnapshots.WORKED_EXAMPLE, random));
			body.put("worstCase", value(random, "3.2G"));
			body.put("proposedOomScoreAdj", random.nextBoolean() ? value(random, "-600") : (Object) (random.nextInt(4000) - 2000));
			String json = json(body, random);
			check("POST /api/v1/host json " + i, send(post("/api/v1/host", "application/json", json)), json);
		}
		for (int i = 0; i < 100; i++, cases++) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("host", value(random, "127.0.0.1"));
			body.put("port", value(random, "3306"));
			body.put("user", value(random, "memplan"));
			body.put("password", value(random, "secret"));
			body.put("hostRam", value(random, "16G"));
			String json = json(body, random);
			check("POST /api/v1/live " + i, send(post("/api/v1/live", "application/json", json)), json);
			String live = form(Map.of("host", value(random, "127.0.0.1"), "user", value(random, "memplan"), "hostRam",
					value(random, "16G")));
			check("POST /live " + i, send(post("/live", "application/x-www-form-urlencoded", live)), live);
			cases++;
		}
		for (int i = 0; i < 20; i++, cases++) {
			check("POST /api/v1/fleet/scan " + i, send(post("/api/v1/fleet/scan", "application/json", mutate("{}", random))), "");
		}
		long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
		long[] sorted = this.millis.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("TextEndpointsFuzzTests: %d cases in %d ms, p50 %d ms, p99 %d ms, max %d ms, statuses %s%n", cases, elapsed,
				sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)], sorted[sorted.length - 1], this.statuses);
		assertThat(cases).isGreaterThanOrEqualTo(2000);
	}

	private void plannerGet(Random random) throws Exception {
		Map<String, String> query = planParameters(random);
		if (random.nextInt(4) == 0) {
			query.put(value(random, "utm_source"), value(random, "x"));
		}
		if (random.nextBoolean()) {
			query.put("lang", value(random, List.of("en", "ja", "zh-CN").get(random.nextInt(3))));
		}
		String address = "/?" + form(query);
		check("GET " + address, send(HttpRequest.newBuilder(uri(address)).GET()), String.join("", query.keySet()) + query.values());
	}

	private void importPost(Random random, List<String> mycnf, List<String> variables) throws Exception {
		String boundary = "fuzz" + Long.toHexString(random.nextLong());
		StringBuilder body = new StringBuilder();
		Map<String, String> fields = planParameters(random);
		fields.put("server", SERVERS.get(random.nextInt(SERVERS.size())));
		String config = (random.nextInt(3) == 0) ? mutate(pick(random, variables), random) : mutate(pick(random, mycnf), random);
		if (random.nextInt(4) != 0) {
			fields.put("config", config);
		}
		if (random.nextInt(5) == 0) {
			fields.put("instance", value(random, "mysqld1"));
		}
		fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
			.append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
		StringBuilder echoed = new StringBuilder(fields.toString());
		for (int f = random.nextInt(4); f > 0; f--) {
			String name = List.of("my.cnf", "conf.d/a.cnf", MARKER + ".cnf", "../../etc/passwd", "x\".cnf", "").get(random.nextInt(6));
			String text = mutate(pick(random, mycnf), random);
			if (random.nextInt(4) == 0) {
				text = "[mysqld]\n!include " + name + "\n" + text;
			}
			echoed.append(name).append(text);
			body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"files\"; filename=\"").append(name)
				.append("\"\r\nContent-Type: text/plain\r\n\r\n").append(text).append("\r\n");
		}
		body.append("--").append(boundary).append("--\r\n");
		check("POST / multipart", send(post("/", "multipart/form-data; boundary=" + boundary, body.toString())), echoed.toString());
	}

	private void hostForm(Random random, List<String> logs) throws Exception {
		Map<String, String> fields = new LinkedHashMap<>();
		if (random.nextInt(4) != 0) {
			fields.put("kernelLog", mutate(pick(random, logs), random));
		}
		if (random.nextBoolean()) {
			fields.put("snapshot", mutate(HostSnapshots.WORKED_EXAMPLE, random));
		}
		fields.put("worstCase", value(random, "3.2G"));
		fields.put("proposedOomScoreAdj", value(random, "-600"));
		String body = form(fields);
		check("POST /host", send(post("/host", "application/x-www-form-urlencoded", body)), fields.toString());
	}

	private void apiPlanJson(Random random, List<String> mycnf, List<String> variables) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>(planParameters(random));
		Map<String, Object> vars = new TreeMap<>();
		vars.put(value(random, "max_connections"), value(random, "500"));
		body.put("variables", vars);
		switch (random.nextInt(3)) {
			case 0 -> body.put("mycnf", mutate(pick(random, mycnf), random));
			case 1 -> body.put("showVariables", mutate(pick(random, variables), random));
			default -> body.put("files", Map.of("my.cnf", mutate(pick(random, mycnf), random), value(random, "conf.d/b.cnf"),
					"[mysqld]\n!include my.cnf\n"));
		}
		String json = json(body, random);
		check("POST /api/v1/plan json", send(post("/api/v1/plan", "application/json", json)), json);
	}

	/** The planner's parameters, each kept, dropped or mutated. */
	private static Map<String, String> planParameters(Random random) {
		Map<String, String> query = new LinkedHashMap<>();
		String[][] base = { { "server", "mysql-8.0" }, { "hostRam", "16G" }, { "hostCpus", "8" }, { "expectedConnections", "200" },
				{ "mysqlShare", "0.85" }, { "reservedForOtherProcesses", "1G" }, { "tempTablesPerStatement", "1" },
				{ "largestPacket", "16M" }, { "allocator", "jemalloc" }, { "allowFewerConnections", "true" },
				{ "max_connections", "500" }, { "sort_buffer_size", "2M" }, { "innodb_buffer_pool_size", "8G" } };
		for (String[] parameter : base) {
			if (random.nextInt(3) != 0) {
				query.put(parameter[0], value(random, parameter[1]));
			}
		}
		if (query.containsKey("server") && random.nextBoolean()) {
			query.put("server", SERVERS.get(random.nextInt(SERVERS.size())));
		}
		return query;
	}

	/** A field's value: as is, a hostile token, or mutated. */
	private static String value(Random random, String plain) {
		return switch (random.nextInt(4)) {
			case 0 -> plain;
			case 1 -> TOKENS[random.nextInt(TOKENS.length)];
			default -> mutate(plain, random);
		};
	}

	/** One to three of: cut, shuffle lines, repeat lines, splice tokens, flip characters, change line ends. */
	static String mutate(String text, Random random) {
		String result = text;
		for (int round = 1 + random.nextInt(3); round > 0; round--) {
			List<String> lines = new ArrayList<>(Arrays.asList(result.split("\n", -1)));
			switch (random.nextInt(7)) {
				case 0 -> result = result.substring(0, random.nextInt(result.length() + 1));
				case 1 -> {
					java.util.Collections.shuffle(lines, random);
					result = String.join("\n", lines);
				}
				case 2 -> {
					String line = lines.get(random.nextInt(lines.size()));
					int times = 1 + random.nextInt(Math.max(1, Math.min(200, 20_000 / (line.length() + 1))));
					lines.add(random.nextInt(lines.size() + 1), (line + "\n").repeat(times));
					result = String.join("\n", lines);
				}
				case 3, 4 -> {
					StringBuilder spliced = new StringBuilder(result);
					for (int i = 1 + random.nextInt(6); i > 0; i--) {
						spliced.insert(random.nextInt(spliced.length() + 1), TOKENS[random.nextInt(TOKENS.length)]);
					}
					result = spliced.toString();
				}
				case 5 -> {
					char[] chars = result.toCharArray();
					for (int i = Math.min(chars.length, 1 + random.nextInt(8)); i > 0 && chars.length > 0; i--) {
						chars[random.nextInt(chars.length)] = (char) random.nextInt(0x80);
					}
					result = new String(chars);
				}
				default -> result = random.nextBoolean() ? result.replace("\n", "\r\n") : result.replace("\n", " \\\n");
			}
		}
		return (result.length() > 200_000) ? result.substring(0, 200_000) : result;
	}

	/** JSON of the body, then perhaps broken: a key twice, a value of the wrong type, a cut. */
	private static String json(Map<String, Object> body, Random random) {
		StringBuilder json = new StringBuilder("{");
		body.forEach((key, value) -> json.append((json.length() > 1) ? "," : "").append(quote(key)).append(':').append(jsonValue(value)));
		switch (random.nextInt(8)) {
			case 0 -> json.append(",\"hostRam\":").append(quote(value(random, "8G")));
			case 1 -> json.append(",\"hostRam\":[1,{\"a\":null}],\"x\":1e400");
			case 2 -> json.append(",").append(quote(MARKER)).append(":").append(quote(MARKER));
			default -> {
			}
		}
		json.append('}');
		String text = json.toString();
		return (random.nextInt(10) == 0) ? text.substring(0, random.nextInt(text.length())) : text;
	}

	private static String jsonValue(Object value) {
		if (value instanceof Map<?, ?> map) {
			StringBuilder json = new StringBuilder("{");
			map.forEach((k, v) -> json.append((json.length() > 1) ? "," : "").append(quote(String.valueOf(k))).append(':').append(jsonValue(v)));
			return json.append('}').toString();
		}
		return (value instanceof Number) ? value.toString() : quote(String.valueOf(value));
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

	private void check(String what, Answer answer, String input) {
		String label = what.length() > 200 ? what.substring(0, 200) : what;
		assertThat(answer.status()).as("%s: status", label).isLessThan(500);
		assertThat(answer.millis()).as("%s: time", label).isLessThan(BOUND.toMillis());
		if (!LEAK.matcher(input).find()) {
			assertThat(LEAK.matcher(answer.body()).find()).as("%s: a stack trace or exception name in %s", label,
					answer.body().length() > 2000 ? answer.body().substring(0, 2000) : answer.body()).isFalse();
		}
		if (answer.contentType() != null && answer.contentType().startsWith("text/html")) {
			assertThat(answer.body()).as("%s: marker echoed unescaped", label).doesNotContain(MARKER);
		}
	}

	private record Answer(int status, String contentType, String body, long millis) {
	}

	private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
		long start = System.nanoTime();
		HttpResponse<String> response = this.client.send(request.timeout(BOUND.plusSeconds(5)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		this.millis.add(millis);
		this.statuses.merge(response.statusCode(), 1, Integer::sum);
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body(), millis);
	}

	private HttpRequest.Builder post(String path, String contentType, String body) {
		return HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String form(Map<String, String> fields) {
		StringBuilder form = new StringBuilder();
		fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(enc(name)).append('=').append(enc(value)));
		return form.toString();
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String pick(Random random, List<String> texts) {
		return texts.get(random.nextInt(texts.size()));
	}

	private static List<String> read(String folder) throws IOException {
		List<String> texts = new ArrayList<>();
		for (Path file : Corpus.files(folder)) {
			texts.add(Files.readString(file, StandardCharsets.ISO_8859_1));
		}
		return texts;
	}

}
