package dev.modelarts.local.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One request as bytes: method, raw target (path and query exactly as sent), header lines and
 * body. {@code describe()} names it in a failure, with every byte outside printable ASCII
 * shown as an escape.
 */
record HostileRequest(String category, String method, String path, String query, List<String> headers, byte[] body,
        byte[] raw) {

    HostileRequest(String category, String method, String path, String query, List<String> headers, byte[] body) {
        this(category, method, path, query, headers, body, null);
    }

    /** Bytes sent exactly as given. */
    static HostileRequest raw(String category, byte[] bytes) {
        return new HostileRequest(category, null, null, null, List.of(), null, bytes);
    }

    HostileRequest withPath(String newPath) {
        return new HostileRequest(category, method, newPath, query, headers, body);
    }

    HostileRequest withQuery(String newQuery) {
        return new HostileRequest(category, method, path, newQuery, headers, body);
    }

    HostileRequest withHeader(String name, String value) {
        List<String> lines = new ArrayList<>(headers.stream().filter(h -> !h.regionMatches(true, 0, name + ":", 0, name.length() + 1)).toList());
        if (value != null) {
            lines.add(name + ": " + value);
        }
        return new HostileRequest(category, method, path, query, List.copyOf(lines), body);
    }

    HostileRequest withBody(byte[] newBody, String contentType) {
        HostileRequest r = new HostileRequest(category, method, path, query, headers, newBody);
        return r.withHeader("Content-Type", contentType);
    }

    HostileRequest as(String newCategory) {
        return new HostileRequest(newCategory, method, path, query, headers, body);
    }

    /** The path without query, as the spec names operations. */
    String target() {
        return query == null ? path : path + "?" + query;
    }

    byte[] bytes() {
        if (raw != null) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, method + " " + target() + " HTTP/1.1\r\n");
        for (String header : headers) {
            write(out, header + "\r\n");
        }
        if (body != null) {
            write(out, "Content-Length: " + body.length + "\r\n");
        }
        write(out, "Connection: close\r\n\r\n");
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    String describe() {
        String text = new String(bytes(), StandardCharsets.ISO_8859_1);
        StringBuilder shown = new StringBuilder();
        for (char c : text.toCharArray()) {
            shown.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : c == '\n' ? "\\n" : String.format("\\x%02X", (int) c));
        }
        return "[" + category + "] " + (shown.length() > 600 ? shown.substring(0, 600) + "..." : shown);
    }

    private static void write(ByteArrayOutputStream out, String latin1) {
        out.writeBytes(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }
}
