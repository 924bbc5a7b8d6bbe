package dev.modelarts.local.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one access line, written by Jersey's {@link AccessLog} and by the edge for answers that
 * never reached Jersey, so that an operator reads (and a JSON log parser finds) the same fields
 * for both:
 *
 * <pre>GET /v1/p/images/group?limit=2 200 3.1 ms 637 B client=127.0.0.1 principal=token dev-...(9) agent="curl/8.0"</pre>
 *
 * The fields are also the event's key-value pairs ({@code method}, {@code target},
 * {@code status} and {@code bytes} (numbers), {@code ms} (a number, null when not measured),
 * {@code client}, {@code principal}, {@code agent}), which the JSON log format writes as fields
 * of those types, and {@code fault} (the id of the fault rule that fired on the request, if one
 * did). The request id is in the MDC.
 */
public final class AccessLine {

    private static final Logger LOG = LoggerFactory.getLogger("access");
    private static final int MAX_AGENT = 128;

    private AccessLine() {
    }

    public static boolean enabled() {
        return LOG.isInfoEnabled();
    }

    /**
     * @param target the path and query, already safe to log
     * @param tenthsOfMs the time taken in tenths of a millisecond; negative when not measured
     * @param client the client's address; null for "-"
     * @param principal the masked credential; null for "-" (not authenticated)
     * @param agent the User-Agent as sent; made safe here
     * @param fault the request attribute {@code "ID ACTION"} of the fault rule that fired on it, or null
     */
    public static void log(String method, String target, int status, long tenthsOfMs, long bytes,
            Object client, Object principal, String agent, Object fault) {
        // tenths of a millisecond as text without String.format's cost on every request
        String ms = tenthsOfMs < 0 ? "-" : tenthsOfMs / 10 + "." + tenthsOfMs % 10;
        String safeAgent = printable(agent);
        Object clientOrDash = orDash(client);
        Object principalOrDash = orDash(principal);
        String faultId = fault == null ? null : fault.toString().split(" ")[0];
        var line = LOG.atInfo()
                .setMessage("{} {} {} {} ms {} B client={} principal={} agent=\"{}\"" + (faultId == null ? "" : " fault={}"))
                .addArgument(method).addArgument(target).addArgument(status).addArgument(ms).addArgument(bytes)
                .addArgument(clientOrDash).addArgument(principalOrDash).addArgument(safeAgent)
                .addKeyValue("method", method).addKeyValue("target", target).addKeyValue("status", status)
                .addKeyValue("ms", tenthsOfMs < 0 ? null : tenthsOfMs / 10.0).addKeyValue("bytes", bytes)
                .addKeyValue("client", clientOrDash).addKeyValue("principal", principalOrDash).addKeyValue("agent", safeAgent);
        if (faultId != null) {
            line = line.addArgument(faultId).addKeyValue("fault", faultId);
        }
        line.log();
    }

    private static Object orDash(Object value) {
        return value == null ? "-" : value;
    }

    /**
     * The user agent as the client sent it, cut to 128 characters, with anything that could
     * forge a line or a field (control characters, quotes, backslashes) replaced by '?'.
     */
    static String printable(String agent) {
        if (agent == null) {
            return "-";
        }
        String cut = agent.length() > MAX_AGENT ? agent.substring(0, MAX_AGENT) : agent;
        StringBuilder out = new StringBuilder(cut.length());
        cut.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f || c == '"' || c == '\\' ? '?' : (char) c));
        return out.toString();
    }
}
