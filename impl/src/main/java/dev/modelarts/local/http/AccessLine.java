package dev.modelarts.local.http;

import java.nio.charset.StandardCharsets;

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
 *
 * <p>The client's bytes (method, target, user agent) are made safe here, by one rule for all of
 * them, whoever calls: see {@link #safe}.
 */
public final class AccessLine {

    private static final Logger LOG = LoggerFactory.getLogger("access");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final int MAX_METHOD = 16;
    private static final int MAX_TARGET = 512;
    private static final int MAX_AGENT = 128;

    private AccessLine() {
    }

    public static boolean enabled() {
        return LOG.isInfoEnabled();
    }

    /**
     * @param method the method as sent; made safe here
     * @param target the path and query as sent; made safe here
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
        String safeMethod = safe(method, MAX_METHOD, false);
        String safeTarget = safe(target, MAX_TARGET, false);
        String safeAgent = safe(agent, MAX_AGENT, true);
        Object clientOrDash = orDash(client);
        Object principalOrDash = orDash(principal);
        String faultId = fault == null ? null : fault.toString().split(" ")[0];
        var line = LOG.atInfo()
                .setMessage("{} {} {} {} ms {} B client={} principal={} agent=\"{}\"" + (faultId == null ? "" : " fault={}"))
                .addArgument(safeMethod).addArgument(safeTarget).addArgument(status).addArgument(ms).addArgument(bytes)
                .addArgument(clientOrDash).addArgument(principalOrDash).addArgument(safeAgent)
                .addKeyValue("method", safeMethod).addKeyValue("target", safeTarget).addKeyValue("status", status)
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
     * What a client sent, as it may go into a log line: printable ASCII stays, except {@code "}
     * and {@code \}, which could end a quoted field, and a space outside quotes, which could
     * forge the next field; everything else (control characters, a line break that would forge a
     * line, non-ASCII) becomes {@code %XX} of its UTF-8 bytes, so a target already
     * percent-encoded is written unchanged. Cut at {@code max} characters; {@code -} for none.
     *
     * @param quoted whether the line writes the value between quotes (the user agent)
     */
    static String safe(String text, int max, boolean quoted) {
        if (text == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if ((c > 0x20 || c == ' ' && quoted) && c < 0x7F && c != '"' && c != '\\') {
                out.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
                i = end - 1;
            }
        }
        return out.length() > max ? out.substring(0, max) : out.toString();
    }
}
