package dev.modelarts.local.hot;

import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

import org.glassfish.grizzly.http.server.Request;

/**
 * What the edge's shortcuts ask of a request's headers: whether it is plainly a GET without a
 * body, or plainly a JSON body of a known length.
 */
final class RequestHeaders {

    /** The media types a client may accept for the shortcut to answer: Jersey's choice is then JSON. */
    private static final Set<String> ACCEPTED = Set.of("application/json", "*/*");
    private static final String CONTENT_LENGTH = "Content-Length";
    private static final String CONTENT_TYPE = "Content-Type";
    /**
     * The JSON Content-Types a GET without a body may name, and a body is read as: the official
     * SDKs send the operation's type on GETs too (huaweicloud-sdk-java-v3, core
     * {@code HcClient.buildRequest}), and OkHttp, which the Java SDK sends with, adds
     * {@code ; charset=utf-8} to a body's.
     */
    private static final Pattern JSON_TYPE = Pattern.compile("application/json(\\s*;\\s*charset=(?i:utf-8))?");

    private RequestHeaders() {
    }

    /**
     * No body, and nothing to negotiate: JSON is what the client gets from Jersey too. A JSON
     * Content-Type alone is no body (the official SDKs send one), and a single
     * {@code Content-Length: 0} is none either: java.net.http before JDK 19 sends one with every GET
     * (JDK-8283544): the reads of every Java client built on it and run on JDK 17
     * (openapi-generator's {@code native} library among them) were left to Jersey.
     */
    static boolean plain(Request request) {
        if (request.getHeader("Transfer-Encoding") != null
                || request.getHeader(CONTENT_LENGTH) != null && !"0".equals(single(request, CONTENT_LENGTH))
                || request.getHeader(CONTENT_TYPE) != null && !jsonType(request)) {
            return false;
        }
        return plainAccept(request);
    }

    /** No {@code Accept}, or one that lets Jersey choose nothing but JSON. */
    private static boolean plainAccept(Request request) {
        Iterator<String> accept = request.getHeaders("Accept").iterator();
        if (!accept.hasNext()) {
            return true;
        }
        String only = accept.next();
        return !accept.hasNext() && ACCEPTED.contains(only);
    }

    /**
     * The length of a JSON body sent plainly (one {@code Content-Length} of 1 to {@code max}
     * bytes, one JSON {@code Content-Type}, no transfer or content coding), with nothing to
     * negotiate; -1 for any other request.
     */
    static int jsonBody(Request request, int max) {
        String length = single(request, CONTENT_LENGTH);
        if (length == null || length.isEmpty() || length.length() > 9 || !length.chars().allMatch(c -> c >= '0' && c <= '9')
                || request.getHeader("Transfer-Encoding") != null || request.getHeader("Content-Encoding") != null
                || !jsonType(request) || !plainAccept(request)) {
            return -1;
        }
        int bytes = Integer.parseInt(length);
        return bytes >= 1 && bytes <= max ? bytes : -1;
    }

    /** One {@code Content-Type} header, of a JSON type (Set.of refuses to look up the null of a repeated one). */
    private static boolean jsonType(Request request) {
        String type = single(request, CONTENT_TYPE);
        return type != null && JSON_TYPE.matcher(type).matches();
    }

    /** The header's first value, as JAX-RS's {@code getHeaders().getFirst} reads it; null when not sent. */
    static String first(Request request, String name) {
        Iterator<String> values = request.getHeaders(name).iterator();
        return values.hasNext() ? values.next() : null;
    }

    /** The header's values joined with commas, as JAX-RS's {@code getHeaderString} reads them; null when not sent. */
    static String joined(Request request, String name) {
        Iterator<String> values = request.getHeaders(name).iterator();
        if (!values.hasNext()) {
            return null;
        }
        StringBuilder all = new StringBuilder(values.next());
        values.forEachRemaining(value -> all.append(',').append(value));
        return all.toString();
    }

    /** Whether the header is sent more than once. */
    static boolean repeated(Request request, String name) {
        Iterator<String> values = request.getHeaders(name).iterator();
        return values.hasNext() && values.next() != null && values.hasNext();
    }

    /** The header's value when it is sent exactly once (Jersey would join several with commas). */
    static String single(Request request, String name) {
        Iterator<String> values = request.getHeaders(name).iterator();
        if (!values.hasNext()) {
            return null;
        }
        String value = values.next();
        return values.hasNext() ? null : value;
    }
}
