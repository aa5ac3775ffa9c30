package dev.memplan.web;

import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.memplan.core.ByteSize;
import dev.memplan.report.EnglishText;

/** Formatting for templates ({@code ${@bytes.human(n)}}): bytes inside, human units only here at the edge. */
@Component("bytes")
public class BytesFormat {

	/** Rounded for headlines: {@code 6.4 GiB}. */
	public String human(Long bytes) {
		return (bytes != null) ? ByteSize.formatApproximate(bytes) : "";
	}

	/** Exact: {@code 1.5 GiB}, {@code 100000 B}. */
	public String exact(Long bytes) {
		return (bytes != null) ? ByteSize.formatApproximate(bytes) : "";
	}

	/** The exact count for a title attribute beside a rounded figure: {@code 6,710,886 B}. */
	public String title(Long bytes) {
		return (bytes != null) ? grouped(bytes) + " B" : "";
	}

	/** English's "a" or "an" before a size as printed: {@code an} 8 GiB (the other languages' messages ignore it). */
	public String article(Long bytes) {
		return (bytes != null) ? EnglishText.article(ByteSize.formatApproximate(bytes)) : "a";
	}

	public String grouped(Long bytes) {
		return (bytes != null) ? String.format(Locale.ROOT, "%,d", bytes) : "";
	}

}
