package dev.modelarts.local.requestid;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A request's id: a well-formed {@code X-Request-Id} from the client is kept, otherwise one is
 * made (32 hex characters, like the real service's). It goes back in the response header, into
 * the log's MDC under {@value #MDC_KEY} for every line written while the request runs, and into
 * 500 messages. Every layer that answers (the HTTP codec, the edge handler, Jersey) takes it from
 * the one instance the server is given ({@link #random()}, or a seeded source for
 * {@code --deterministic}).
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** The request attribute (Grizzly) and property (Jersey: the same store) that carries it. */
    public static final String ATTRIBUTE = RequestId.class.getName();

    /** The request attribute that holds who made the request, masked, once authenticated. */
    public static final String PRINCIPAL_ATTRIBUTE = "dev.modelarts.local.principal";

    /** The request attribute that holds the client's address, set by the edge for the access line. */
    public static final String CLIENT_ATTRIBUTE = "dev.modelarts.local.client";
    /** The fault rule that fired on the request, "ID ACTION", for the access line and the journal. */
    public static final String FAULT_ATTRIBUTE = "dev.modelarts.local.fault";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final Supplier<String> fresh;

    /** @param fresh makes a new id: 32 hex characters */
    public RequestId(Supplier<String> fresh) {
        this.fresh = fresh;
    }

    /** New ids from a random generator. */
    public static RequestId random() {
        return new RequestId(() -> {
            byte[] bytes = new byte[16];
            ThreadLocalRandom.current().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        });
    }

    /** The client's id when it is well formed, otherwise a new one. */
    public String from(String supplied) {
        return supplied != null && WELL_FORMED.matcher(supplied).matches() ? supplied : newId();
    }

    public String newId() {
        return fresh.get();
    }
}
