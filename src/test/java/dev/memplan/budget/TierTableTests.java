package dev.memplan.budget;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.memplan.core.ByteSize;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed's eight rows (docs/memory-model.md#tier-table) and every boundary between them. */
class TierTableTests {

	private final TierTable table = TierTable.standard();

	@Test
	void holdsTheSeedsEightRowsVerbatim() {
		assertThat(this.table.tiers()).extracting(Tier::instanceClass).containsExactly("db.t1.micro", "db.m1.small",
				"db.m1.medium", "db.m1.large", "db.m1.xlarge", "db.m2.xlarge", "db.m2.2xlarge", "db.m2.4xlarge");
		assertThat(this.table.tiers()).extracting(Tier::ratioPercent).containsExactly(50, 64, 70, 72, 73, 70, 73, 75);
		assertThat(this.table.tiers().get(1).memoryBytes()).isEqualTo(1825361100L); // 1.7 × 2^30, floored
		assertThat(this.table.tiers().get(3).bufferPoolBytes()).isEqualTo(5873367777L); // 5.47 × 1073741824 = 5873367777.28, floored
	}

	@ParameterizedTest
	@CsvSource({
			"612M, , 50", // below the smallest tier: 50 %
			"613M, db.t1.micro, 50",
			"1825361099, db.t1.micro, 50", // one byte below 1.7G
			"1.7G, db.m1.small, 64",
			"3.75G, db.m1.medium, 70",
			"7.5G, db.m1.large, 72", // the seed's own row
			"8G, db.m1.large, 72",
			"15G, db.m1.xlarge, 73",
			"16G, db.m1.xlarge, 73",
			"17.1G, db.m2.xlarge, 70",
			"34G, db.m2.2xlarge, 73",
			"67G, db.m2.2xlarge, 73",
			"68G, db.m2.4xlarge, 75",
			"1T, db.m2.4xlarge, 75" // above the largest tier: 75 %
	})
	void choosesTheTierWithTheLargestMemoryNotAboveRam(String ram, String expectedClass, int expectedRatio) {
		long bytes = ByteSize.parseHostMemory(ram).toLongExact();
		assertThat(this.table.tierFor(bytes).map(Tier::instanceClass).orElse(null)).isEqualTo(expectedClass);
		assertThat(this.table.ratioFor(bytes)).isEqualTo(expectedRatio);
	}

}
