package dev.modelarts.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;

/**
 * The endpoint under test and the credential to call it with: a token sent as
 * {@code X-Auth-Token}, or an access key pair whose requests are signed by the official SDK's
 * signer (SDK-HMAC-SHA256), exactly as the SDKs sign them.
 */
final class Target {

    /** How a request authenticates. */
    enum Auth {
        /** the credential given */
        CREDENTIAL,
        /** no credential at all */
        NONE,
        /** a credential the endpoint cannot know: an unknown token, or a signature with a wrong secret */
        WRONG
    }

    /** The credential: a token, or an access key and its secret. */
    record Credential(String token, String accessKey, String secretKey) {
        Credential {
            if ((token == null) == (accessKey == null)) {
                throw new IllegalArgumentException("give a token or an access key pair, not both and not neither");
            }
            if ((accessKey == null) != (secretKey == null)) {
                throw new IllegalArgumentException("an access key needs its secret key");
            }
        }

        boolean signs() {
            return accessKey != null;
        }

        @Override
        public String toString() {
            return signs() ? "access key " + accessKey.substring(0, Math.min(4, accessKey.length())) + "..." : "token";
        }
    }

    /** One request as it goes on the wire: query values are not encoded yet. */
    record Request(String method, String path, List<Map.Entry<String, String>> query, String body, Auth auth) {
        Request {
            query = List.copyOf(query);
        }

        String line() {
            StringBuilder q = new StringBuilder();
            query.forEach(e -> q.append(q.length() == 0 ? "?" : "&").append(encode(e.getKey())).append('=')
                    .append(encode(e.getValue())));
            return method + " " + path + q;
        }
    }

    /** One answer. */
    record Exchange(Request request, int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    private final URI base;
    private final Credential credential;
    private final HttpClient http;
    private final Duration timeout;

    Target(URI base, Credential credential, Duration timeout) {
        String text = Objects.requireNonNull(base, "base").toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.credential = Objects.requireNonNull(credential, "credential");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    URI base() {
        return base;
    }

    Credential credential() {
        return credential;
    }

    Exchange send(Request request) throws IOException, InterruptedException {
        String line = request.line();
        var http = java.net.http.HttpRequest.newBuilder(URI.create(base + line.substring(line.indexOf(' ') + 1)))
                .timeout(timeout)
                .method(request.method(), request.body() == null ? BodyPublishers.noBody()
                        : BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        if (request.body() != null) {
            http.header("Content-Type", "application/json");
        }
        headers(request).forEach(http::header);
        var response = this.http.send(http.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Exchange(request, response.statusCode(), response.headers().map(), response.body());
    }

    private Map<String, String> headers(Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (request.auth() == Auth.NONE) {
            return headers;
        }
        if (!credential.signs()) {
            headers.put("X-Auth-Token", request.auth() == Auth.WRONG ? "conformance-unknown-token" : credential.token());
            return headers;
        }
        String secret = request.auth() == Auth.WRONG ? credential.secretKey() + "-wrong" : credential.secretKey();
        var sdk = com.huaweicloud.sdk.core.http.HttpRequest.newBuilder()
                .withEndpoint(base.toString())
                .withPath(request.path())
                .withMethod(HttpMethod.valueOf(request.method()))
                .withContentType("application/json");
        request.query().forEach(e -> sdk.addQueryParam(e.getKey(), List.of(e.getValue())));
        if (request.body() != null) {
            sdk.withBodyAsString(request.body());
        }
        AKSKSigner.getInstance().sign(sdk.build(), new BasicCredentials().withAk(credential.accessKey()).withSk(secret))
                .forEach((name, value) -> {
                    // the HTTP client sets Host and Content-Type itself (the same values)
                    if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Type")) {
                        headers.put(name, value);
                    }
                });
        return headers;
    }

    /** Percent-encoding as the SDK's signer canonicalises a query (RFC 3986 unreserved kept). */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}
