package dev.modelarts.local.config;

import java.util.List;

/**
 * The limits of what a client may send, in one place: the edge enforces the head's, the body
 * filter the bodies', and {@code --help} prints them all. A request over one is answered with the
 * ModelArts error its status documents (431, 414, 413), never cut silently.
 *
 * @param maxHeadBytes      the request line and every header field together (over: 414 for the
 *                          request line alone, else 431)
 * @param maxHeaderFields   header fields in one request (over: 431)
 * @param maxBodyBytes      a request body (over: 413 {@code ModelArts.4104})
 * @param maxStateBodyBytes a state document for {@code PUT /_modelarts/state}, which holds every
 *                          project's images (over: 413)
 */
public record EdgeLimits(int maxHeadBytes, int maxHeaderFields, int maxBodyBytes, int maxStateBodyBytes) {

    /** The limits this server runs with. */
    public static final EdgeLimits DEFAULT = new EdgeLimits(16 * 1024, 100, 1024 * 1024, 8 * 1024 * 1024);

    /** The limits as {@code --help} lists them. */
    public List<String> describe() {
        return List.of(
                "  request line and headers   at most " + kib(maxHeadBytes) + " together (else 414 or 431)",
                "  header fields              at most " + maxHeaderFields + " (else 431)",
                "  request body               at most " + kib(maxBodyBytes) + " (else 413); a state document "
                        + kib(maxStateBodyBytes));
    }

    private static String kib(int bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }
}
