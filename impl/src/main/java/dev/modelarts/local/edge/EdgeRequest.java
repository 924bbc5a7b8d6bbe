package dev.modelarts.local.edge;

import java.nio.charset.StandardCharsets;

import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.Header;
import org.slf4j.MDC;

import dev.modelarts.local.http.AccessLine;
import dev.modelarts.local.requestid.RequestId;

/**
 * A request as the edge sees it, read once from Grizzly's packet and kept on it: its id (the
 * client's {@code X-Request-Id} if usable, else a new one), method, raw path and target as sent,
 * client address and user agent. Every layer of the edge (the codec's refusals, the handler,
 * the error pages, an {@link Interception}) reads this one view, so a request has one id however
 * it is answered.
 *
 * @param rawPath  the path as sent, still percent-encoded (ISO-8859-1: one char per byte)
 * @param rawQuery the query as sent, or null
 */
public record EdgeRequest(String id, String method, String rawPath, String rawQuery, String client, String agent) {

    private static final String ATTRIBUTE = EdgeRequest.class.getName();

    /** The view of {@code packet}, made on the first call. */
    static EdgeRequest of(HttpRequestPacket packet, RequestId requestIds) {
        if (packet.getAttribute(ATTRIBUTE) instanceof EdgeRequest known) {
            return known;
        }
        String rawPath = packet.getRequestURIRef().getOriginalRequestURIBC().toString(StandardCharsets.ISO_8859_1);
        String query = packet.getQueryStringDC().isNull() ? null
                : packet.getQueryStringDC().toString(StandardCharsets.ISO_8859_1);
        EdgeRequest view = new EdgeRequest(requestIds.from(packet.getHeader(RequestId.HEADER)),
                packet.getMethodDC().toString(StandardCharsets.ISO_8859_1), rawPath, query, packet.getRemoteAddress(),
                packet.getHeader(Header.UserAgent));
        packet.setAttribute(ATTRIBUTE, view);
        return view;
    }

    /** The path and query as sent, still percent-encoded: what the access line shows. */
    public String target() {
        return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }

    /**
     * Logs the access line of an answer that never reached Jersey (which logs its own), with the
     * same fields; its time is not measured ("-") and it has no principal.
     *
     * @param fault the fault rule that fired on the request ({@code "ID ACTION"}), or null
     */
    public void logAccess(int status, long bytes, Object fault) {
        if (!AccessLine.enabled()) {
            return;
        }
        String outer = MDC.get(RequestId.MDC_KEY); // the codec logs outside any request's MDC
        MDC.put(RequestId.MDC_KEY, id);
        try {
            AccessLine.log(method, target(), status, -1, bytes, client, null, agent, fault);
        } finally {
            if (outer == null) {
                MDC.remove(RequestId.MDC_KEY);
            } else {
                MDC.put(RequestId.MDC_KEY, outer);
            }
        }
    }
}
