package dev.memplan.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket to a server on loopback: requests MockMvc cannot make (a broken
 * request line, a bad %-escape, TRACE, OPTIONS *, a multipart body as sent), answers as Tomcat wrote
 * them. Each request closes its connection; every read has a timeout.
 */
public final class RawHttp {

	private RawHttp() {
	}

	public record Answer(int status, List<String> headerLines, String body) {

		/** The first value of a header, case-insensitive; null when absent. */
		public String header(String name) {
			String prefix = name.toLowerCase(Locale.ROOT) + ":";
			for (String line : this.headerLines) {
				if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
					return line.substring(prefix.length()).strip();
				}
			}
			return null;
		}

	}

	/** {@code head} is the request line and headers without the blank line; Host and Connection: close are added. */
	public static Answer send(int port, String head, byte[] body) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			StringBuilder request = new StringBuilder(head);
			if (!head.contains("\nHost:") && !head.contains("\r\nHost:")) {
				request.append("\r\nHost: 127.0.0.1:").append(port);
			}
			request.append("\r\nConnection: close");
			if (body != null) {
				request.append("\r\nContent-Length: ").append(body.length);
			}
			request.append("\r\n\r\n");
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			if (body != null) {
				out.write(body);
			}
			out.flush();
			return parse(readAll(socket.getInputStream()));
		}
	}

	public static Answer send(int port, String head) throws IOException {
		return send(port, head, null);
	}

	/** Up to the end of the answer: its Content-Length, its last chunk, or the server closing the connection. */
	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int read;
		while ((read = in.read(buffer)) != -1) {
			all.write(buffer, 0, read);
			if (all.size() > 4 << 20 || complete(all.toByteArray())) {
				break;
			}
		}
		return all.toByteArray();
	}

	private static boolean complete(byte[] raw) {
		int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
		if (end < 0) {
			return false;
		}
		String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		for (String line : head.split("\r\n")) {
			if (line.startsWith("content-length:")) {
				return raw.length - end - 4 >= Long.parseLong(line.substring(15).strip());
			}
		}
		if (head.contains("transfer-encoding: chunked")) {
			return indexOf(raw, "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), end) >= 0;
		}
		return false;
	}

	private static Answer parse(byte[] raw) {
		int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
		String head = new String(raw, 0, (end >= 0) ? end : raw.length, StandardCharsets.ISO_8859_1);
		byte[] body = (end >= 0) ? java.util.Arrays.copyOfRange(raw, end + 4, raw.length) : new byte[0];
		String[] lines = head.split("\r\n");
		String[] statusLine = lines[0].split(" ");
		int status = (statusLine.length > 1) ? Integer.parseInt(statusLine[1]) : -1;
		List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
		for (String line : headers) {
			if (line.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:") && line.toLowerCase(Locale.ROOT).contains("chunked")) {
				body = dechunk(body);
			}
		}
		return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] crlf = { '\r', '\n' };
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOf(chunked, crlf, at);
			if (lineEnd < 0) {
				break;
			}
			String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).strip().split(";")[0];
			int size = Integer.parseInt(sizeText, 16);
			if (size == 0) {
				break;
			}
			int start = lineEnd + 2;
			int stop = Math.min(chunked.length, start + size);
			body.write(chunked, start, stop - start);
			at = stop + 2;
		}
		return body.toByteArray();
	}

	private static int indexOf(byte[] data, byte[] pattern, int from) {
		outer: for (int i = from; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
