package dev.modelarts.local.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.http.RequestTarget.Problem;

/**
 * The request line's method and version, stricter than Grizzly reads them: the method a token,
 * and not a tunnel or HTTP/2's preface; the version {@code HTTP/1.x}, where a higher minor version
 * is served as HTTP/1.1 (RFC 9110, section 2.5). A text request line with {@code HTTP/2.0} or
 * later is malformed, since those versions do not use one.
 */
public final class RequestLine {

    private static final Pattern VERSION = Pattern.compile("HTTP/([0-9])\\.([0-9])");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private RequestLine() {
    }

    /** The problem of a request line with this method and version, if it has one. */
    public static Optional<Problem> check(String method, String version) {
        if (!TOKEN.matcher(method).matches()) {
            return problem("the request line must be 'METHOD target HTTP/1.1', with single spaces");
        }
        if (method.equals("CONNECT") || method.equals("PRI")) {
            // a proxy's tunnel and HTTP/2's preface: Grizzly would wait for a body that never ends
            return problem(method + " is not served here; this server is no proxy and speaks HTTP/1.1");
        }
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            return problem("the request line must end with the version HTTP/1.1 (or HTTP/1.0)");
        }
        if (!m.group(1).equals("1")) {
            return problem("HTTP/" + m.group(1) + "." + m.group(2) + " is not spoken here; send HTTP/1.1");
        }
        return Optional.empty();
    }

    /** Whether a version that {@link #check} accepts is served as HTTP/1.1: 1.1 and above. */
    public static boolean servedAsHttp11(String version) {
        return version.compareTo("HTTP/1.1") >= 0;
    }

    private static Optional<Problem> problem(String what) {
        return Optional.of(new Problem(ErrorCode.MALFORMED_REQUEST, "Bad request: " + what + "."));
    }
}
