package dev.modelarts.local.hot;

import static org.quicktheories.generators.SourceDSL.arbitrary;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quicktheories.core.Gen;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;

import dev.modelarts.local.auth.SdkHmacSha256;
import dev.modelarts.local.testing.TestServer;

/**
 * Requests signed by the official SDK's own signer (huaweicloud-sdk-core's {@code AKSKSigner})
 * with the headers the Java SDK sends (its Content-Type, User-Agent and X-Project-Id), for
 * {@code Host: localhost}: GETs, and POSTs with their body; sent as signed, or changed after
 * signing in one of the ways a signature must be refused or a request left to Jersey.
 */
final class SdkSignedRequests {

    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    /** What is done to a signed request before it is sent. */
    enum Change {
        NONE, NONE_AGAIN, CHARSET, SIGNATURE, DATE, NO_DATE, STALE, UNSIGNED_PAYLOAD, TOKEN_TOO, TEXT_TYPE,
        TWO_AUTHORIZATIONS, WRONG_SECRET, UNKNOWN_KEY,
        /** The body's hash sent, and signed, in X-Sdk-Content-Sha256: checked before the body is read. */
        HASH_SENT
    }

    private SdkSignedRequests() {
    }

    /** The header lines of a signed GET of {@code path} with {@code pairs} ("k=v", unreserved only). */
    static Gen<String> headers(String path, List<String> pairs) {
        return headers("GET", path, pairs, null);
    }

    /** The header lines of a signed request, with {@code body} (null for none). */
    static Gen<String> headers(String method, String path, List<String> pairs, String body) {
        return arbitrary().enumValues(Change.class).zip(arbitrary().pick(true, false),
                (change, boundKey) -> lines(method, path, pairs, body, change, boundKey));
    }

    static String lines(String method, String path, List<String> pairs, String body, Change change,
            boolean boundKey) {
        String project = path.split("/")[2];
        String ak = change == Change.UNKNOWN_KEY ? "NOSUCHACCESSKEY00000" : boundKey ? TestServer.AK_A : TestServer.AK;
        String sk = change == Change.WRONG_SECRET ? "not-the-secret" : boundKey ? TestServer.SK_A : TestServer.SK;
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        Map<String, String> before = new LinkedHashMap<>();
        before.put("User-Agent", "huaweicloud-usdk-java/3.0");
        before.put("X-Project-Id", project);
        before.put("X-Sdk-Date", (change == Change.STALE ? now.minusMinutes(20) : now).format(SDK_DATE));
        if (change == Change.HASH_SENT) {
            before.put("X-Sdk-Content-Sha256",
                    SdkHmacSha256.sha256Hex((body == null ? "" : body).getBytes(StandardCharsets.UTF_8)));
        }
        var request = HttpRequest.newBuilder().withEndpoint("http://localhost").withPath(path)
                .withMethod(HttpMethod.valueOf(method)).withContentType("application/json");
        if (body != null) {
            request.withBodyAsString(body);
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            request.addQueryParam(pair.substring(0, eq), List.of(pair.substring(eq + 1)));
        }
        before.forEach(request::addHeader);
        Map<String, String> signed = AKSKSigner.getInstance().sign(request.build(),
                new BasicCredentials().withAk(ak).withSk(sk));
        Map<String, String> sent = new LinkedHashMap<>(before);
        signed.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                sent.put(name, value);
            }
        });
        String authorization = sent.get("Authorization");
        switch (change) {
            case SIGNATURE -> sent.put("Authorization", authorization.substring(0, authorization.length() - 1)
                    + (authorization.endsWith("0") ? "1" : "0"));
            case DATE -> sent.put("X-Sdk-Date", now.plusMinutes(1).format(SDK_DATE));
            case NO_DATE -> sent.remove("X-Sdk-Date");
            case UNSIGNED_PAYLOAD -> sent.put("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD");
            case TOKEN_TOO -> sent.put("X-Auth-Token", TestServer.TOKEN);
            default -> {
            }
        }
        StringBuilder lines = new StringBuilder();
        sent.forEach((name, value) -> lines.append(name).append(": ").append(value).append("\r\n"));
        lines.append("Content-Type: ").append(switch (change) {
            case CHARSET -> "application/json;charset=UTF-8";
            case TEXT_TYPE -> "text/plain";
            default -> "application/json";
        }).append("\r\n");
        if (change == Change.TWO_AUTHORIZATIONS) {
            lines.append("Authorization: ").append(authorization).append("\r\n");
        }
        return lines.toString();
    }
}
