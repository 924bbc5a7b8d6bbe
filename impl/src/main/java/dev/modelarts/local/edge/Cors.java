package dev.modelarts.local.edge;

import java.util.List;
import java.util.Set;

import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Cross-origin access for a browser console, opt-in ({@code --cors-origin}): the origins allowed,
 * or {@code *}. A preflight from an allowed origin is answered here, 204, before routing; every
 * answer to an allowed origin says so and exposes {@code X-Request-Id}. With no origin configured,
 * nothing is added and a preflight is the 405 any OPTIONS is.
 */
public final class Cors {

    private final Set<String> origins;
    private final boolean any;
    /** False for the default: then no request pays for a header lookup here. */
    private final boolean enabled;

    public Cors(List<String> origins) {
        this.any = origins.contains("*");
        this.origins = Set.copyOf(origins);
        this.enabled = !origins.isEmpty();
    }

    /** Answers a preflight from an allowed origin (204); false when it is not one. */
    boolean answerPreflight(Request request, Response response) {
        String allowed = allowed(request);
        if (allowed == null || !"OPTIONS".equals(request.getMethod().getMethodString())
                || request.getHeader("Access-Control-Request-Method") == null) {
            return false;
        }
        response.setStatus(204);
        addHeaders(response, allowed);
        response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
        response.setHeader("Access-Control-Allow-Headers",
                "X-Auth-Token, X-Sdk-Date, Authorization, Content-Type, X-Project-Id, X-Request-Id");
        response.setHeader("Access-Control-Max-Age", "600");
        return true;
    }

    /** Marks an answer to an allowed origin as readable by it. */
    void decorate(Request request, Response response) {
        String allowed = allowed(request);
        if (allowed != null) {
            addHeaders(response, allowed);
        }
    }

    /** The Access-Control-Allow-Origin for the request's origin, or null when it may not call. */
    private String allowed(Request request) {
        String origin = enabled ? request.getHeader("Origin") : null;
        return origin == null ? null : any ? "*" : origins.contains(origin) ? origin : null;
    }

    private static void addHeaders(Response response, String allowed) {
        response.setHeader("Access-Control-Allow-Origin", allowed);
        response.setHeader("Access-Control-Expose-Headers", "X-Request-Id");
        if (!allowed.equals("*")) {
            response.setHeader("Vary", "Origin");
        }
    }
}
