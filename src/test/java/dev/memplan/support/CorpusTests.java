package dev.memplan.support;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorpusTests {

	@Test
	void aMissingCorpusFailsUnderCiAndSkipsWithTheReasonElsewhere() {
		if ("true".equals(System.getenv("CI"))) {
			assertThatThrownBy(() -> Corpus.require(false, "corpus folder /nowhere is absent"))
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("CI=true but the corpus folder /nowhere is absent");
		}
		else {
			assertThatThrownBy(() -> Corpus.require(false, "corpus folder /nowhere is absent"))
				.isInstanceOf(TestAbortedException.class)
				.hasMessageContaining("SKIPPED: corpus folder /nowhere is absent");
		}
	}

}
