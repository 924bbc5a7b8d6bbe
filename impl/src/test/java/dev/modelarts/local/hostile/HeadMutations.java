package dev.modelarts.local.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.modelarts.local.testing.TestServer;

/**
 * A valid request head (no body) changed in one place: bytes inserted, replaced or deleted
 * anywhere in the request line and header fields, the method, target or version swapped, header
 * fields added (repeated, oversized, malformed). The head always ends with an empty line, so the
 * server always has a whole head to answer, and no mutation adds a body framing header.
 */
final class HeadMutations {

    private static final String HEAD = "GET /v1/" + Attacks.PROJECT + "/images/group?limit=2&name=app HTTP/1.1\r\n"
            + "Host: 127.0.0.1\r\nX-Auth-Token: " + TestServer.TOKEN + "\r\nAccept: application/json\r\nConnection: close";

    private static final List<String> VERSIONS = List.of("HTTP/1.0", "HTTP/1.2", "HTTP/1.9", "HTTP/2.0", "HTTP/3.0", "http/1.1",
            "HTTP/1.1 x", "HTTP/1", "HTTP/", "", "HTTP/1.10", "HTTP/0.9", "HTTP/1.1\t", "HTTPS/1.1");
    private static final List<String> METHODS = List.of("get", "G ET", "", "GET\u0000", "FOO", "PATCH", "TRACE", "OPTIONS",
            "CONNECT", "PRI", "DELETE", "PUT", "POST", "\u00c9", "GET GET", "M".repeat(300));
    private static final List<String> HEADERS = List.of("Host: other.example", "Host:", "Host: a b", "Host: [::1", "Host: x:y",
            "Expect: nonsense", "Expect: 100-continue", "X-Auth-Token: dev-tok\u00c3\u00a9n", "Content-Type: /", "Accept: /",
            "Accept: text/html", "Upgrade: h2c", "X-Request-Id: \u00ff\u00fe", "X-Request-Id: " + "r".repeat(500),
            "No-Colon", ": no-name", "Bad Name: x", " folded: line", "X-Long: " + "v".repeat(20_000),
            "Accept-Language: \u0000", "Authorization: SDK-HMAC-SHA256 Access=, Signature=", "Authorization: Bearer x",
            "X-Sdk-Date: never", "X-Project-Id: \u0001", "Content-Encoding: gzip");

    private HeadMutations() {
    }

    /** Mutation {@code kind} at {@code position}, with {@code text} where it inserts or replaces. */
    static HostileRequest mutate(int kind, int position, String text) {
        String head = HEAD;
        String line = head.substring(0, head.indexOf("\r\n"));
        String rest = head.substring(head.indexOf("\r\n"));
        String category;
        int at = Math.floorMod(position, head.length());
        switch (Math.floorMod(kind, 9)) {
            case 0 -> {
                head = head.substring(0, at) + latin1Of(text) + head.substring(at);
                category = "raw insert";
            }
            case 1 -> {
                head = head.substring(0, at) + latin1Of(text.isEmpty() ? "\u0000" : text.substring(0, 1)) + head.substring(at + 1);
                category = "raw replace";
            }
            case 2 -> {
                head = head.substring(0, at) + head.substring(Math.min(head.length(), at + 1 + Math.floorMod(position, 7)));
                category = "raw delete";
            }
            case 3 -> {
                head = line.substring(0, line.lastIndexOf(' ') + 1) + VERSIONS.get(at % VERSIONS.size()) + rest;
                category = "version";
            }
            case 4 -> {
                head = METHODS.get(at % METHODS.size()) + line.substring(line.indexOf(' ')) + rest;
                category = "method";
            }
            case 5 -> {
                head = line.substring(0, line.indexOf(' ') + 1) + latin1Of(text) + line.substring(line.lastIndexOf(' ')) + rest;
                category = "target";
            }
            case 6 -> {
                head = head + "\r\n" + HEADERS.get(at % HEADERS.size());
                category = "header";
            }
            case 7 -> {
                StringBuilder many = new StringBuilder(head);
                for (int i = 0; i < 90 + at % 30; i++) {
                    many.append("\r\nX-Many-").append(i).append(": ").append(i);
                }
                head = many.toString();
                category = "header count";
            }
            default -> {
                head = line.replace("?", "?" + Attacks.encode(text) + "=" + latin1Of(text) + "&") + rest;
                category = "query";
            }
        }
        byte[] bytes = (head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return HostileRequest.raw("head " + category, bytes);
    }

    /** UTF-8 bytes of {@code text}, one char per byte, to write raw. */
    private static String latin1Of(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

}
