package dev.memplan.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a POSTed page was computed from (an import's text, a live probe's answer, a kernel log), kept
 * a short while under an unguessable id so that the same result can be shown again in another
 * language without uploading, probing or pasting again. The id is 128 random bits and names
 * nothing; a live password is never part of what is kept. Bounded by total size and by age: an
 * expired id shows the empty form with a note, never someone else's result.
 */
@Component
public class ResultCache {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");

	private final SecureRandom random = new SecureRandom();

	private final Cache<String, Entry> entries;

	/** A kept result and roughly what it weighs (the characters of its texts). */
	public record Entry(Object value, long weight) {
	}

	ResultCache(@Value("${memplan.result-cache.max-bytes:33554432}") long maxBytes,
			@Value("${memplan.result-cache.ttl:PT30M}") Duration ttl) {
		this.entries = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.weigher((String key, Entry entry) -> (int) Math.min(Integer.MAX_VALUE, 2 * entry.weight() + 1024))
			.expireAfterWrite(ttl)
			.build();
	}

	/** Keeps {@code value} (whose texts weigh about {@code characters}) and returns its new id. */
	public String keep(Object value, long characters) {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.entries.put(id, new Entry(value, characters));
		return id;
	}

	/** The value kept under {@code id}, if it is still there and of the expected type. */
	public <T> Optional<T> find(String id, Class<T> type) {
		if (id == null || !ID.matcher(id).matches()) {
			return Optional.empty();
		}
		Entry entry = this.entries.getIfPresent(id);
		return (entry != null && type.isInstance(entry.value())) ? Optional.of(type.cast(entry.value())) : Optional.empty();
	}

}
