package dev.memplan.app.fleet;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardTests {

	@Test
	void hashesANameTheSameWayOnEveryRun() {
		// CRC-32("db1") = 0xb68ab3f1 = 3062543345 (python3 -c "import zlib; print(zlib.crc32(b'db1'))");
		// 3062543345 mod 3 = 2, mod 4 = 1
		assertThat(Shard.bucket("db1", 3)).isEqualTo(2);
		assertThat(Shard.bucket("db1", 4)).isEqualTo(1);
	}

	@Test
	void everyTargetFallsInExactlyOneShard() {
		for (int n = 1; n <= 5; n++) {
			int count = n;
			IntStream.range(0, 500).mapToObj((i) -> "db" + i).forEach((name) -> assertThat(
					IntStream.range(0, count).filter((i) -> new Shard(i, count).includes(name)).count()).isEqualTo(1));
		}
	}

	@Test
	void spreadsFiveHundredTargetsEvenlyOverThreeShards() {
		long first = IntStream.range(0, 500).mapToObj((i) -> "db" + i).filter(new Shard(0, 3)::includes).count();
		assertThat(first).isBetween(140L, 195L); // 500 / 3 = 167, give or take
	}

	@Test
	void parsesIOverNFromZero() {
		assertThat(Shard.parse("2/3")).isEqualTo(new Shard(2, 3));
		assertThat(Shard.parse(null)).isEqualTo(Shard.ALL);
		assertThatThrownBy(() -> Shard.parse("3/3")).hasMessageContaining("is not i/n");
		assertThatThrownBy(() -> Shard.parse("half")).hasMessageContaining("'half'");
	}

}
