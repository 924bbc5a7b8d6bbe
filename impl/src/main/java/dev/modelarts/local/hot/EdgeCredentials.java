package dev.modelarts.local.hot;

import java.time.Clock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.glassfish.grizzly.http.server.Request;

import dev.modelarts.local.auth.Credentials;
import dev.modelarts.local.auth.Principal;
import dev.modelarts.local.auth.SignatureCheck;
import dev.modelarts.local.edge.EdgeRequest;
import dev.modelarts.local.errors.ApiException;

/**
 * The credential of a request answered at the edge, where {@code AuthFilter} would plainly
 * accept it: a token sent once, or, with no token, an SDK-HMAC-SHA256 signature that verifies
 * ({@link SignatureCheck}, the filter's own check) over a path of unreserved characters only,
 * which Jersey reads exactly as sent. Null otherwise: Jersey then authenticates, and refuses, as
 * it always does.
 */
final class EdgeCredentials {

    static final String TOKEN = "X-Auth-Token";
    static final String CONTENT_SHA256 = "X-Sdk-Content-Sha256";
    /** Segments of unreserved characters, none empty or a dot segment: a path no layer rewrites. */
    private static final Pattern PLAIN_PATH = Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+");

    private final Credentials credentials;
    private final SignatureCheck signatures;

    /** @param clock the machine's clock, which signatures' dates are checked against */
    EdgeCredentials(Credentials credentials, Clock clock) {
        this.credentials = credentials;
        this.signatures = new SignatureCheck(credentials, clock);
    }

    /** Whether the request sends a token: it is then the credential, whatever else it signs. */
    static boolean sendsToken(Request request) {
        return request.getHeader(TOKEN) != null;
    }

    /**
     * Whether the request sends one SDK-HMAC-SHA256 {@code Authorization}, at most one
     * {@value #CONTENT_SHA256}, for a path of unreserved characters: a signature this class may
     * check, before or after the body is read.
     */
    static boolean signedPlainly(Request request, EdgeRequest view) {
        String authorization = RequestHeaders.single(request, "Authorization");
        return authorization != null && authorization.startsWith(SignatureCheck.PREFIX)
                && PLAIN_PATH.matcher(view.rawPath()).matches() && !RequestHeaders.repeated(request, CONTENT_SHA256);
    }

    /** Whether a signed request sends its body's hash, so that the signature is checked before the body is read. */
    static boolean sendsBodyHash(Request request) {
        return request.getHeader(CONTENT_SHA256) != null;
    }

    /**
     * What {@code AuthFilter} answers to a signed request ({@link #signedPlainly}, no
     * {@value #CONTENT_SHA256}) whose body ended before its end: the refusal its check of the
     * signature makes before it comes to the body's hash (read exactly as the filter reads the
     * headers), or the refusal of the unreadable body.
     */
    ApiException refusalOfSignatureWithoutBody(Request request, EdgeRequest view, ApiException unreadable) {
        String authorization = RequestHeaders.single(request, "Authorization");
        try {
            signatures.verify(view.method(), view.rawPath(), view.rawQuery(),
                    authorization.substring(SignatureCheck.PREFIX.length()), RequestHeaders.joined(request, "X-Sdk-Date"),
                    name -> RequestHeaders.first(request, name), () -> {
                        throw unreadable; // where AuthFilter reads the body for its hash
                    });
        } catch (ApiException refused) {
            return refused;
        }
        return unreadable; // not reached: the check asks for the hash unless it refuses first
    }

    /** The principal of the token sent once, or null. */
    Principal ofToken(Request request) {
        String token = RequestHeaders.single(request, TOKEN);
        return token == null ? null : credentials.forToken(token).orElse(null);
    }

    /**
     * The principal of a request that sends no token but a signature, or null.
     *
     * @param bodySha256 the hex SHA-256 of the body, asked only when the request does not send
     *        {@value #CONTENT_SHA256}
     */
    Principal ofSignature(Request request, EdgeRequest view, Supplier<String> bodySha256) {
        if (!signedPlainly(request, view)) {
            return null;
        }
        String authorization = RequestHeaders.single(request, "Authorization");
        String date = RequestHeaders.single(request, "X-Sdk-Date");
        try {
            return signatures.verify(view.method(), view.rawPath(), view.rawQuery(),
                    authorization.substring(SignatureCheck.PREFIX.length()), date,
                    name -> RequestHeaders.single(request, name), () -> {
                        String hash = RequestHeaders.single(request, CONTENT_SHA256);
                        return hash != null ? hash : bodySha256.get();
                    });
        } catch (RuntimeException refused) {
            return null;
        }
    }
}
