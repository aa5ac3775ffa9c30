package dev.memplan.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * An amount of memory in bytes, parsed the way mysqld parses its numeric options.
 * <p>
 * The value is held as an unsigned 64-bit number because the server accepts anything up to
 * 2^64 − 1; {@link #toLongExact()} is the way into budget arithmetic, which is signed and
 * overflow-checked.
 */
public final class ByteSize implements Comparable<ByteSize> {

	public static final ByteSize ZERO = new ByteSize(0);

	private static final String SUFFIXES = "KMGTPE";

	private static final String[] UNITS = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };

	private static final BigDecimal KIBI = BigDecimal.valueOf(1024);

	private static final BigInteger UNSIGNED_LONG_LIMIT = BigInteger.ONE.shiftLeft(64);

	private final long unsignedBytes;

	private ByteSize(long unsignedBytes) {
		this.unsignedBytes = unsignedBytes;
	}

	public static ByteSize ofBytes(long bytes) {
		if (bytes < 0) {
			throw new IllegalArgumentException("A size cannot be negative: " + bytes);
		}
		return new ByteSize(bytes);
	}

	/** From the raw bits of an unsigned 64-bit value (numbers past {@link Long#MAX_VALUE} included). */
	public static ByteSize ofUnsigned(long unsignedBytes) {
		return new ByteSize(unsignedBytes);
	}

	/** Digits and point of a host memory amount: 19 for 2^63 bytes, room for a fraction. */
	private static final int MAX_HOST_MEMORY_DIGITS = 30;

	/**
	 * Parses a value exactly as mysqld's option parser does: digits, then optionally one of
	 * K M G T P E in either case (1024-based). Only the first character after the digits is
	 * read, so {@code 700MB} is 700M. Fractions, hex, signs, blanks inside and anything
	 * past 2^64 − 1 are refused.
	 * @throws ByteSizeFormatException naming the text when the server would refuse it
	 */
	public static ByteSize parse(String text) {
		if (text == null) {
			throw new ByteSizeFormatException("", Message.of("size.required"));
		}
		String value = text.strip();
		int digits = 0;
		while (digits < value.length() && isAsciiDigit(value.charAt(digits))) {
			digits++;
		}
		if (digits == 0) {
			throw new ByteSizeFormatException(text, Message.of(value.isEmpty() ? "size.required" : "size.wholeNumber"));
		}
		int shift = 0;
		if (digits < value.length()) {
			char suffix = Character.toUpperCase(value.charAt(digits));
			int index = SUFFIXES.indexOf(suffix);
			if (index < 0) {
				throw new ByteSizeFormatException(text, Message.of("size.suffix", value.charAt(digits)));
			}
			shift = 10 * (index + 1);
		}
		int leadingZeros = 0;
		while (leadingZeros < digits - 1 && value.charAt(leadingZeros) == '0') {
			leadingZeros++;
		}
		// 2^64 - 1 has 20 digits: a longer number is refused before any arithmetic (a million digits took 14 s)
		if (digits - leadingZeros > 20) {
			throw new ByteSizeFormatException(text, Message.of("size.tooLarge"));
		}
		BigInteger bytes = new BigInteger(value.substring(leadingZeros, digits)).shiftLeft(shift);
		if (bytes.compareTo(UNSIGNED_LONG_LIMIT) >= 0) {
			throw new ByteSizeFormatException(text, Message.of("size.tooLarge"));
		}
		return new ByteSize(bytes.longValue());
	}

	/**
	 * Parses an amount of host memory as people write it: {@code 16G}, {@code 7.5G},
	 * {@code 16 GiB}, {@code 2048MB}, {@code 17179869184}. Units are binary whatever their
	 * spelling, fractions are floored to whole bytes.
	 */
	public static ByteSize parseHostMemory(String text) {
		// bounded before BigDecimal sees it: 2^63 bytes has 19 digits, and a fraction finer than a byte is floored anyway
		if (text == null || text.isBlank()) {
			throw new ByteSizeFormatException(text == null ? "" : text, Message.of("size.host.required"));
		}
		String value = text.strip();
		int end = 0;
		while (end < value.length() && (isAsciiDigit(value.charAt(end)) || value.charAt(end) == '.')) {
			end++;
		}
		String number = value.substring(0, end);
		String unit = value.substring(end).strip().toUpperCase(Locale.ROOT);
		if (number.isEmpty() || number.startsWith(".") || number.endsWith(".") || number.indexOf('.') != number.lastIndexOf('.')) {
			throw new ByteSizeFormatException(text, Message.of("size.host.number"));
		}
		if (number.length() > MAX_HOST_MEMORY_DIGITS) {
			throw new ByteSizeFormatException(text, Message.of("size.host.digits", MAX_HOST_MEMORY_DIGITS));
		}
		int shift = switch (unit) {
			case "", "B" -> 0;
			case "K", "KB", "KIB" -> 10;
			case "M", "MB", "MIB" -> 20;
			case "G", "GB", "GIB" -> 30;
			case "T", "TB", "TIB" -> 40;
			case "P", "PB", "PIB" -> 50;
			default -> throw new ByteSizeFormatException(text, Message.of("size.host.unit", InputProblem.excerpt(value.substring(end).strip())));
		};
		BigInteger bytes = new BigDecimal(number).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(shift)))
				.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
		if (bytes.bitLength() > 63) {
			throw new ByteSizeFormatException(text, Message.of("size.host.tooLarge"));
		}
		return new ByteSize(bytes.longValue());
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** The raw unsigned bits; compare with {@link Long#compareUnsigned}. */
	public long unsignedBytes() {
		return this.unsignedBytes;
	}

	public boolean fitsInLong() {
		return this.unsignedBytes >= 0;
	}

	/**
	 * @throws ArithmeticException when the value is 8 EiB or more, past what budget arithmetic can add
	 */
	public long toLongExact() {
		if (this.unsignedBytes < 0) {
			throw new ArithmeticException(Long.toUnsignedString(this.unsignedBytes) + " bytes is too large to add up");
		}
		return this.unsignedBytes;
	}

	/**
	 * For people: the largest binary unit in which the value is exact to two decimals,
	 * so nothing is lost ({@code 1.5 GiB}, {@code 96 KiB}, {@code 100000 B}).
	 */
	public String toHumanString() {
		return formatHuman(this.unsignedBytes);
	}

	public static String formatHuman(long unsignedBytes) {
		if (unsignedBytes >= 0) {
			return formatHumanSigned(unsignedBytes);
		}
		BigDecimal value = new BigDecimal(new BigInteger(Long.toUnsignedString(unsignedBytes)));
		for (int unit = UNITS.length - 1; unit > 0; unit--) {
			BigDecimal scaled = value.divide(new BigDecimal(BigInteger.ONE.shiftLeft(10 * unit)));
			if (scaled.compareTo(BigDecimal.ONE) >= 0 && scaled.stripTrailingZeros().scale() <= 2) {
				return scaled.stripTrailingZeros().toPlainString() + " " + UNITS[unit];
			}
		}
		return Long.toUnsignedString(unsignedBytes) + " B";
	}

	/**
	 * The same rule in long arithmetic (pages format dozens of sizes per request): the value is
	 * exact to two decimals in a unit of 2^k bytes when it is a multiple of 2^(k-2), because 100 = 4 × 25.
	 */
	private static String formatHumanSigned(long bytes) {
		for (int unit = UNITS.length - 1; unit > 0; unit--) {
			int shift = 10 * unit;
			if (shift > 62 || bytes < (1L << shift) || (bytes & ((1L << (shift - 2)) - 1)) != 0) {
				continue;
			}
			long whole = bytes >>> shift;
			long hundredths = ((bytes & ((1L << shift) - 1)) >>> (shift - 2)) * 25;
			if (hundredths == 0) {
				return whole + " " + UNITS[unit];
			}
			String fraction = (hundredths < 10 ? "0" : "") + hundredths;
			return whole + "." + (fraction.endsWith("0") ? fraction.substring(0, 1) : fraction) + " " + UNITS[unit];
		}
		return bytes + " B";
	}

	/**
	 * For people: the one format every page and export shows a size in, at most one decimal in the
	 * largest binary unit the value reaches ({@code 6.4 MiB}, {@code 8 GiB}, {@code 512 B}); a value
	 * that rounds up to 1024 of a unit moves to the next one ({@code 1 GiB}, not {@code 1024 MiB}).
	 * The exact count goes beside it where a reader may need it (a title attribute, the JSON).
	 */
	public static String formatApproximate(long bytes) {
		if (bytes < 0) {
			return "-" + formatMagnitude(new BigDecimal(bytes).negate());
		}
		return formatMagnitude(BigDecimal.valueOf(bytes));
	}

	private static String formatMagnitude(BigDecimal bytes) {
		if (bytes.compareTo(KIBI) < 0) {
			return bytes.toPlainString() + " B";
		}
		int unit = 0;
		BigDecimal value = bytes;
		while (value.compareTo(KIBI) >= 0 && unit < UNITS.length - 1) {
			value = value.divide(KIBI);
			unit++;
		}
		BigDecimal rounded = value.setScale(1, RoundingMode.HALF_UP);
		if (rounded.compareTo(KIBI) >= 0 && unit < UNITS.length - 1) {
			rounded = value.divide(KIBI).setScale(1, RoundingMode.HALF_UP);
			unit++;
		}
		return rounded.stripTrailingZeros().toPlainString() + " " + UNITS[unit];
	}

	/** In the server's own syntax, exact: the largest suffix that divides the value ({@code 1536M}). */
	public String toOptionValue() {
		if (this.unsignedBytes == 0) {
			return "0";
		}
		for (int index = SUFFIXES.length() - 1; index >= 0; index--) {
			int shift = 10 * (index + 1);
			long mask = (1L << shift) - 1;
			if ((this.unsignedBytes & mask) == 0) {
				return Long.toUnsignedString(this.unsignedBytes >>> shift) + SUFFIXES.charAt(index);
			}
		}
		return Long.toUnsignedString(this.unsignedBytes);
	}

	@Override
	public int compareTo(ByteSize other) {
		return Long.compareUnsigned(this.unsignedBytes, other.unsignedBytes);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ByteSize that && that.unsignedBytes == this.unsignedBytes;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.unsignedBytes);
	}

	@Override
	public String toString() {
		return Long.toUnsignedString(this.unsignedBytes) + " B";
	}

}
