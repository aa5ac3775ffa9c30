package dev.memplan.oom;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.memplan.support.Corpus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever a paste does to a log (cut, shuffled, duplicated, garbage bytes, joined lines),
 * the parser returns an analysis without throwing, and every victim it reports has a pid that occurs
 * in the text (or in it with line breaks removed: hard-wrapped lines are joined). Seeded, so a failure
 * reproduces.
 */
class OomLogParserFuzzTests {

	private static final String[] NOISE = { "[", "]", "(", ")", "kB", ":", "Killed process ", "oom-kill:", "=", ",", "\t", "\u0000",
			"invoked oom-killer: ", "[ pid ]", "Out of memory: Kill process 1 (", "-", "99999999999999999999999" };

	@Test
	void neverThrowsAndNeverInventsAVictim() throws Exception {
		List<String> logs = new ArrayList<>();
		for (Path file : Corpus.files("oom")) {
			logs.add(Files.readString(file, StandardCharsets.ISO_8859_1));
		}
		Random random = new Random(20261121);
		for (int round = 0; round < 3000; round++) {
			String text = mutate(logs.get(random.nextInt(logs.size())), random);
			OomLogAnalysis analysis = new OomLogParser().parse(text);
			// hard-wrapped lines are joined, so a pid may span a line break
			String unwrapped = text.replaceAll("\\r?\\n\\s*", "");
			for (OomEvent event : analysis.events()) {
				if (event.victim() != null) {
					assertThat(text + unwrapped).as("round %d", round).contains(Long.toString(event.victim().pid()));
				}
			}
		}
	}

	private static String mutate(String log, Random random) {
		List<String> lines = new ArrayList<>(List.of(log.split("\n", -1)));
		switch (random.nextInt(6)) {
			case 0 -> Collections.shuffle(lines, random);
			case 1 -> lines = lines.subList(0, random.nextInt(lines.size() + 1));
			case 2 -> {
				int at = random.nextInt(lines.size());
				String line = lines.get(at);
				lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
			}
			case 3 -> lines.add(random.nextInt(lines.size() + 1), String.join("", lines.subList(0, Math.min(3, lines.size()))));
			default -> {
				for (int i = 0; i < 5; i++) {
					int at = random.nextInt(lines.size());
					String line = lines.get(at);
					int pos = random.nextInt(line.length() + 1);
					lines.set(at, line.substring(0, pos) + NOISE[random.nextInt(NOISE.length)] + line.substring(pos));
				}
			}
		}
		return String.join(random.nextBoolean() ? "\n" : "\r\n", lines);
	}

}
