package dev.modelarts.local.http;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Supplier;

import dev.modelarts.local.errors.ErrorCode;

/**
 * Checks a request target (path and query, as the client sent them) before anything decodes it:
 * only the characters RFC 3986 allows, every {@code %} followed by two hex digits, and what the
 * escapes spell valid UTF-8 (no overlong forms, no surrogates); and the Host it is sent to.
 * Without this, Grizzly and Jersey each decode leniently in their own way, or fail with a 500.
 * Pure text checks, so the edge only asks and answers.
 */
public final class RequestTarget {

    /** Why a target is refused, as the answer will say it. */
    public record Problem(ErrorCode code, String message) {
    }

    /** A host and port, as the server read them from the Host header. */
    public record Authority(String host, int port) {
    }

    private RequestTarget() {
    }

    /** The first problem of the raw path and raw query, if it has one. */
    public static Optional<Problem> check(String rawPath, String rawQuery) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Optional.of(new Problem(ErrorCode.MALFORMED_REQUEST,
                    "Bad request: the request target must be an absolute path."));
        }
        if (rawPath.indexOf(';') >= 0) {
            // Jersey would read ";..." as matrix parameters and route what is left: /images/;x
            // would list images. No path of this API has a ';'.
            return Optional.of(new Problem(ErrorCode.PARAMETER_ERROR,
                    "Parameter error: the request path has ';', which no path of this API has."));
        }
        Optional<Problem> path = checkPart(rawPath, false, "the request path");
        if (path.isPresent() || rawQuery == null) {
            return path;
        }
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            Optional<Problem> nameProblem = checkPart(name, true, "a query parameter name");
            if (nameProblem.isPresent()) {
                return nameProblem;
            }
            if (eq >= 0) {
                Optional<Problem> value = checkPart(pair.substring(eq + 1), true,
                        "query parameter '" + decodeQuietly(name) + "'");
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * One Host, naming a host the way a URI can (RFC 9112, section 3.2); Jersey builds the
     * request's base URI from it and fails with a 500 on anything else.
     *
     * @param hosts the Host fields as sent (none for HTTP/1.0)
     * @param server the host and port as the server parses the Host: asked only for a single,
     *        non-empty one, and it may throw (Grizzly parses it lazily and throws on what it
     *        cannot read)
     */
    public static Optional<Problem> checkHost(Iterable<String> hosts, String scheme, Supplier<Authority> server) {
        Iterator<String> each = hosts.iterator();
        if (!each.hasNext()) {
            return Optional.empty(); // HTTP/1.0; HTTP/1.1 without Host is refused while parsing
        }
        String host = each.next();
        String problem;
        if (each.hasNext()) {
            problem = "the request has more than one Host header";
        } else if (host.isEmpty()) {
            problem = "the Host header is empty";
        } else {
            try {
                Authority authority = server.get();
                new URI(scheme, null, authority.host(), authority.port(), "/", null, null).parseServerAuthority();
                problem = authority.host() == null || authority.host().isEmpty() ? "the Host header names no host" : null;
            } catch (URISyntaxException | RuntimeException e) {
                problem = "the Host header is not a valid host[:port]";
            }
        }
        return problem == null ? Optional.empty()
                : Optional.of(new Problem(ErrorCode.MALFORMED_REQUEST, "Bad request: " + problem + "."));
    }

    private static Optional<Problem> checkPart(String raw, boolean query, String subject) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return Optional.of(new Problem(ErrorCode.PARAMETER_ERROR,
                            "Parameter error: " + subject + " has a malformed percent-escape (% must be followed by two hex digits)."));
                }
                i += 2;
            } else if (!allowed(c, query)) {
                return Optional.of(new Problem(ErrorCode.MALFORMED_REQUEST, String.format(
                        "Bad request: %s has the character 0x%02X, which must be percent-encoded.", subject, (int) c)));
            }
        }
        String decoded = decodeStrictly(raw);
        if (decoded == null) {
            return Optional.of(new Problem(ErrorCode.PARAMETER_ERROR,
                    "Parameter error: " + subject + " is not valid UTF-8 once percent-decoded."));
        }
        if (decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            // no parameter of the API takes one, and PostgreSQL cannot even compare with U+0000
            return Optional.of(new Problem(ErrorCode.PARAMETER_ERROR,
                    "Parameter error: " + subject + " contains a control character."));
        }
        return Optional.empty();
    }

    /** RFC 3986 pchar, plus "/" (and "?" in a query); '%' is handled by the caller. */
    private static boolean allowed(char c, boolean query) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return switch (c) {
            case '-', '.', '_', '~', '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@', '/' -> true;
            case '?' -> query;
            default -> false;
        };
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
    }

    /** The percent-decoded text, or null when the bytes it spells are not valid UTF-8. */
    static String decodeStrictly(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                bytes.write(hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2)));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** A name for a message: decoded when it can be, printable ASCII only, at most 64 characters. */
    private static String decodeQuietly(String raw) {
        String decoded = decodeStrictly(raw);
        String text = decoded == null ? raw : decoded;
        StringBuilder safe = new StringBuilder();
        text.codePoints().limit(64).forEach(cp -> safe.append(cp >= 0x20 && cp < 0x7F && cp != '\'' ? (char) cp : '?'));
        return safe.toString();
    }
}
