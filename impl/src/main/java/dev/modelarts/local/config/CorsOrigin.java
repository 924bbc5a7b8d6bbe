package dev.modelarts.local.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A {@code --cors-origin} value as a browser sends its {@code Origin} header:
 * {@code scheme://host[:port]}, lower case, without the scheme's default port or a trailing
 * slash, so that {@code HTTP://LocalHost:3000/} matches what the page sends. A value that is
 * not an origin ({@code localhost:3000}, a path) is refused, since it would never match.
 */
public final class CorsOrigin {

    private CorsOrigin() {
    }

    /** The origin in the form browsers send, or {@code *}; throws when {@code value} is not one. */
    public static String normalize(String value) {
        String text = value.strip();
        if (text.equals("*")) {
            return text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw notAnOrigin(text, null);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw notAnOrigin(text, text.contains("://") ? null : "http://" + text);
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw notAnOrigin(text, scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        }
        int port = uri.getPort();
        boolean defaultPort = port == (scheme.equals("http") ? 80 : 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port < 0 || defaultPort ? "" : ":" + port);
    }

    private static IllegalArgumentException notAnOrigin(String text, String suggestion) {
        return new IllegalArgumentException("'" + text + "' is not an origin; an origin is scheme://host[:port]"
                + " with no path" + (suggestion == null ? "" : " (did you mean " + suggestion + "?)"));
    }
}
