package dev.memplan.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EnglishTextTests {

	@ParameterizedTest
	@CsvSource({
			"8 GiB, an", // eight
			"8.5 GiB, an",
			"11 GiB, an", // eleven
			"18 GiB, an", // eighteen
			"80 GiB, an", // eighty
			"800 MiB, an", // eight hundred
			"8000 MiB, an", // eight thousand
			"11000 MiB, an", // eleven thousand
			"18432 MiB, an", // eighteen thousand …
			"1 GiB, a",
			"1.5 GiB, a",
			"16 GiB, a",
			"64 GiB, a",
			"100 GiB, a",
			"110 GiB, a", // one hundred ten
			"180 GiB, a", // one hundred eighty
			"1800 MiB, a", // one thousand eight hundred
			"0 B, a"
	})
	void choosesTheArticleByHowTheNumberIsSaid(String size, String article) {
		assertThat(EnglishText.article(size)).isEqualTo(article);
	}

	@ParameterizedTest
	@CsvSource({ "8 GiB, an 8 GiB", "16 GiB, a 16 GiB", "11 GiB, an 11 GiB" })
	void putsTheArticleBeforeTheSize(String size, String expected) {
		assertThat(EnglishText.withArticle(size)).isEqualTo(expected);
	}

}
