package dev.memplan.web;

import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.memplan.core.ByteSize;

/** Formatting for templates ({@code ${@bytes.human(n)}}): bytes inside, human units only here at the edge. */
@Component("bytes")
public class BytesFormat {

	/** Rounded for headlines: {@code 6.4 GiB}. */
	public String human(Long bytes) {
		return (bytes != null) ? ByteSize.formatApproximate(bytes) : "";
	}

	/** Exact: {@code 1.5 GiB}, {@code 100000 B}. */
	public String exact(Long bytes) {
		return (bytes != null) ? ByteSize.formatHuman(bytes) : "";
	}

	public String grouped(Long bytes) {
		return (bytes != null) ? String.format(Locale.ROOT, "%,d", bytes) : "";
	}

}
