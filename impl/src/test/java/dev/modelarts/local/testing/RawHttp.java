package dev.modelarts.local.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client library would send: bytes exactly as
 * given, one request per connection. Reads one answer (by Content-Length, or to the close).
 */
public final class RawHttp {

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** An answer; {@code status} is 0 when the server closed the connection without one. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        /** The first value of a header (names compared without case), or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    public Answer exchange(String request) {
        return exchange(request.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    /** Sends {@code request}; with {@code halfClose} the client then stops sending (FIN). */
    public Answer exchange(byte[] request, boolean halfClose) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (SocketException e) {
                // the server answered and closed before reading all of it: read that answer
            }
            return read(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within 10 s to " + preview(request), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            Answer answer = parse(received.toByteArray(), false);
            if (answer != null) {
                return answer;
            }
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketException e) {
                n = -1; // reset by the server after its answer
            }
            if (n < 0) {
                return parse(received.toByteArray(), true);
            }
            received.write(buffer, 0, n);
        }
    }

    /** The answer in {@code bytes}, or null while more is to come (never null at the end of the stream). */
    private static Answer parse(byte[] bytes, boolean end) {
        int headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (headEnd < 0) {
            return end ? new Answer(0, Map.of(), new String(bytes, StandardCharsets.ISO_8859_1)) : null;
        }
        String[] lines = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        int bodyStart = headEnd + 4;
        if (status >= 100 && status < 200) {
            // an interim answer (100 Continue): the real one follows
            return parse(java.util.Arrays.copyOfRange(bytes, bodyStart, bytes.length), end);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        List<String> length = headers.get("content-length");
        if (length != null) {
            int contentLength = Integer.parseInt(length.get(0));
            if (bytes.length < bodyStart + contentLength && !end) {
                return null;
            }
            int stop = Math.min(bytes.length, bodyStart + contentLength);
            return new Answer(status, headers, new String(bytes, bodyStart, stop - bodyStart, StandardCharsets.UTF_8));
        }
        if (isChunked(headers)) {
            return endsChunked(bytes, bodyStart) || end ? new Answer(status, headers, dechunk(bytes, bodyStart)) : null;
        }
        return end ? new Answer(status, headers, new String(bytes, bodyStart, bytes.length - bodyStart, StandardCharsets.UTF_8)) : null;
    }

    private static boolean isChunked(Map<String, List<String>> headers) {
        List<String> encoding = headers.get("transfer-encoding");
        return encoding != null && encoding.get(0).equalsIgnoreCase("chunked");
    }

    private static boolean endsChunked(byte[] bytes, int from) {
        String body = new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
        return body.startsWith("0\r\n\r\n") || body.endsWith("\r\n0\r\n\r\n");
    }

    private static String dechunk(byte[] bytes, int from) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = from;
        while (at < bytes.length) {
            int eol = indexOf(java.util.Arrays.copyOfRange(bytes, at, bytes.length), "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(new String(bytes, at, eol, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(bytes, at + eol + 2, Math.min(size, bytes.length - at - eol - 2));
            at += eol + 2 + size + 2;
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String preview(byte[] request) {
        String text = new String(request, 0, Math.min(request.length, 200), StandardCharsets.ISO_8859_1);
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
