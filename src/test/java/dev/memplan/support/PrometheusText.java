package dev.memplan.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Prometheus text exposition format, read back: one sample per line, {@code name{k="v",…} value},
 * {@code # HELP} and {@code # TYPE} lines skipped. Label values are unescaped (\\, \", \n).
 */
public final class PrometheusText {

	public record Sample(String name, Map<String, String> labels, double value) {
	}

	private final List<Sample> samples;

	private PrometheusText(List<Sample> samples) {
		this.samples = samples;
	}

	public static PrometheusText parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			samples.add(sample(line));
		}
		return new PrometheusText(samples);
	}

	private static Sample sample(String line) {
		int brace = line.indexOf('{');
		int space = line.lastIndexOf(' ');
		Map<String, String> labels = new LinkedHashMap<>();
		String name;
		if (brace >= 0 && brace < space) {
			name = line.substring(0, brace);
			int i = brace + 1;
			while (line.charAt(i) != '}') {
				int eq = line.indexOf('=', i);
				String key = line.substring(i, eq);
				StringBuilder value = new StringBuilder();
				int j = eq + 2; // past ="
				while (line.charAt(j) != '"') {
					char c = line.charAt(j);
					if (c == '\\') {
						char next = line.charAt(++j);
						value.append((next == 'n') ? '\n' : next);
					}
					else {
						value.append(c);
					}
					j++;
				}
				labels.put(key, value.toString());
				i = j + 1;
				if (line.charAt(i) == ',') {
					i++;
				}
			}
		}
		else {
			name = line.substring(0, line.indexOf(' '));
		}
		String[] rest = line.substring(line.lastIndexOf('}') + 1).strip().split(" ");
		String number = (brace >= 0) ? rest[0] : line.substring(name.length()).strip().split(" ")[0];
		return new Sample(name, labels, Double.parseDouble(number.replace("+Inf", "Infinity").replace("-Inf", "-Infinity")));
	}

	public List<Sample> samples() {
		return this.samples;
	}

	public List<Sample> named(String name) {
		return this.samples.stream().filter((sample) -> sample.name().equals(name)).toList();
	}

	/** The one sample of {@code name} whose labels include all of {@code labels}. */
	public Optional<Double> value(String name, Map<String, String> labels) {
		List<Sample> matching = named(name).stream()
			.filter((sample) -> labels.entrySet().stream().allMatch((e) -> e.getValue().equals(sample.labels().get(e.getKey()))))
			.toList();
		if (matching.size() > 1) {
			throw new IllegalStateException(matching.size() + " samples of " + name + " match " + labels);
		}
		return matching.stream().findFirst().map(Sample::value);
	}

}
