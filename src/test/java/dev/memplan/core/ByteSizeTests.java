package dev.memplan.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ByteSizeTests {

	@ParameterizedTest
	@CsvSource({
			"512M, 536870912", // 512 × 2^20
			"512m, 536870912", // either case
			"1G, 1073741824",
			"98304, 98304",
			"16K, 16384",
			"2T, 2199023255552",
			"1P, 1125899906842624",
			"1E, 1152921504606846976",
			"700MB, 734003200", // only the first character after the digits counts [checked on MariaDB 10.11]
			"1GB, 1073741824",
			"0, 0",
			"' 64M ', 67108864" // the option parser trims around values
	})
	void parsesWhatTheServerAccepts(String text, long expected) {
		assertThat(ByteSize.parse(text).unsignedBytes()).isEqualTo(expected);
	}

	@Test
	void acceptsValuesUpTo2To64Minus1() {
		assertThat(Long.toUnsignedString(ByteSize.parse("18446744073709551615").unsignedBytes()))
			.isEqualTo("18446744073709551615");
		assertThat(Long.toUnsignedString(ByteSize.parse("15E").unsignedBytes())).isEqualTo("17293822569102704640");
		assertThat(ByteSize.parse("15E").fitsInLong()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.5G", "0x10", "1 G", "-5", "abc", "", "5X", "18446744073709551616", "16E", "99999999999999999999999" })
	void refusesWhatTheServerRefusesNamingTheText(String text) {
		assertThatExceptionOfType(ByteSizeFormatException.class).isThrownBy(() -> ByteSize.parse(text))
			.withMessageContaining("'" + text + "'");
	}

	@Test
	void saysWhyASuffixIsRefused() {
		assertThatExceptionOfType(ByteSizeFormatException.class).isThrownBy(() -> ByteSize.parse("5X"))
			.withMessageContaining("unknown suffix 'X'");
	}

	@ParameterizedTest
	@CsvSource({
			"1610612736, 1.5 GiB",
			"98304, 96 KiB",
			"100000, 100000 B", // 97.65625 KiB: not exact to two decimals, so bytes
			"134217728, 128 MiB",
			"5368709120, 5 GiB",
			"1023, 1023 B",
			"0, 0 B"
	})
	void formatsForPeopleWithoutLosingBytes(long bytes, String expected) {
		assertThat(ByteSize.ofBytes(bytes).toHumanString()).isEqualTo(expected);
	}

	@Test
	void formatsEveryValueTheSameWayAsTheExactRule() {
		// the long fast path against the BigDecimal rule, on sizes people configure and on odd ones
		java.util.Random random = new java.util.Random(42);
		for (int i = 0; i < 20000; i++) {
			long bytes = (i % 2 == 0) ? (random.nextLong() >>> (random.nextInt(63) + 1)) : ((long) random.nextInt(4096) << random.nextInt(50));
			java.math.BigDecimal value = new java.math.BigDecimal(bytes);
			String expected = Long.toString(bytes) + " B";
			String[] units = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
			for (int unit = units.length - 1; unit > 0; unit--) {
				java.math.BigDecimal scaled = value.divide(new java.math.BigDecimal(java.math.BigInteger.ONE.shiftLeft(10 * unit)));
				if (scaled.compareTo(java.math.BigDecimal.ONE) >= 0 && scaled.stripTrailingZeros().scale() <= 2) {
					expected = scaled.stripTrailingZeros().toPlainString() + " " + units[unit];
					break;
				}
			}
			assertThat(ByteSize.formatHuman(bytes)).as("%d", bytes).isEqualTo(expected);
		}
	}

	@ParameterizedTest
	@CsvSource({
			"6710886, 6.4 MiB", // the buffer pool's control structures for a 128 MiB pool: 6710886 / 2^20 = 6.39999
			"5996544, 5.7 MiB", // 5856 KiB = 5.71875 MiB
			"118784000, 113.3 MiB", // 116000 KiB of open tables = 113.28 MiB
			"14602888806, 13.6 GiB", // 0.85 × 16 GiB = 13.5999 GiB
			"8589934592, 8 GiB", // no ".0"
			"1610612736, 1.5 GiB",
			"1342177280, 1.3 GiB", // 1.25 GiB: half up, one decimal at most
			"1073700000, 1 GiB", // 1023.96 MiB would round to 1024 MiB: the next unit instead
			"1048575, 1 MiB", // 1023.999 KiB
			"1024, 1 KiB",
			"1023, 1023 B",
			"0, 0 B",
			"-1589641216, -1.5 GiB", // a lever that costs memory
			"9223372036854775807, 8 EiB",
			"-9223372036854775808, -8 EiB"
	})
	void formatsForPeopleWithOneDecimalAtMost(long bytes, String expected) {
		assertThat(ByteSize.formatApproximate(bytes)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "1610612736, 1536M", "98304, 96K", "100000, 100000", "1073741824, 1G", "0, 0" })
	void formatsInTheServersSyntaxExactly(long bytes, String expected) {
		assertThat(ByteSize.ofBytes(bytes).toOptionValue()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({
			"16G, 17179869184",
			"7.5G, 8053063680", // 7.5 × 2^30
			"1.7G, 1825361100", // 1.7 × 2^30 = 1825361100.8, floored
			"16 GiB, 17179869184",
			"2048MB, 2147483648",
			"17179869184, 17179869184"
	})
	void parsesHostMemoryAsPeopleWriteIt(String text, long expected) {
		assertThat(ByteSize.parseHostMemory(text).toLongExact()).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "lots", "16X", "1.2.3G", ".5G", "" })
	void refusesHostMemoryItCannotRead(String text) {
		assertThatExceptionOfType(ByteSizeFormatException.class).isThrownBy(() -> ByteSize.parseHostMemory(text));
	}

}
