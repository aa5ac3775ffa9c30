package dev.memplan.app.fleet;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * {@code memplan.fleet.shard=i/n}: this replica scans the targets whose name hashes to {@code i}
 * modulo {@code n}, counting from 0 like Prometheus's {@code hashmod} and a StatefulSet's ordinals.
 * The hash is CRC-32 of the name's UTF-8 bytes: the same on every JVM and every start, so replicas
 * agree without talking to each other, and a target stays on its replica across restarts.
 */
public record Shard(int index, int count) {

	public static final Shard ALL = new Shard(0, 1);

	public Shard {
		if (count < 1 || index < 0 || index >= count) {
			throw new IllegalArgumentException("a shard is i/n with 0 <= i < n, e.g. 0/3, 1/3, 2/3");
		}
	}

	/** @throws IllegalArgumentException naming the text when it is not {@code i/n} */
	public static Shard parse(String text) {
		if (text == null || text.isBlank()) {
			return ALL;
		}
		String[] parts = text.strip().split("/", -1);
		if (parts.length == 2) {
			try {
				return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
			}
			catch (IllegalArgumentException ex) {
				// not numbers, or out of range: reported below
			}
		}
		throw new IllegalArgumentException("memplan.fleet.shard '" + text + "' is not i/n (0 <= i < n, e.g. 0/3)");
	}

	public boolean includes(String name) {
		return bucket(name, this.count) == this.index;
	}

	static int bucket(String name, int count) {
		CRC32 crc = new CRC32();
		crc.update(name.getBytes(StandardCharsets.UTF_8));
		return (int) (crc.getValue() % count);
	}

	@Override
	public String toString() {
		return this.index + "/" + this.count;
	}

}
