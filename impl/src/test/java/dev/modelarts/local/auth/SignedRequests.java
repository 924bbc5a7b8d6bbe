package dev.modelarts.local.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;

import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.SpecValidator;

/**
 * Requests signed by the official SDK's own signer, then sent as they are, or changed after
 * signing, to show what the server refuses.
 */
final class SignedRequests {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    SignedRequests(URI base) {
        this.base = base;
    }

    /** What was signed: the headers to send, and the request they belong to. */
    record Signed(String method, String path, Map<String, List<String>> query, String body,
            Map<String, String> headers) {

        Signed withHeader(String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.put(name, value);
            return new Signed(method, path, query, body, changed);
        }

        Signed withPath(String newPath) {
            return new Signed(method, newPath, query, body, headers);
        }

        Signed withQuery(Map<String, List<String>> newQuery) {
            return new Signed(method, path, newQuery, body, headers);
        }

        Signed withBody(String newBody) {
            return new Signed(method, path, query, newBody, headers);
        }
    }

    /**
     * Signs with the SDK's AKSKSigner.
     *
     * @param extraHeaders headers set before signing (the SDK signs them); "X-Sdk-Date" here is
     *                     used as the signing date, as the SDK does
     */
    Signed sign(String ak, String sk, String method, String path, Map<String, List<String>> query, String body,
            Map<String, String> extraHeaders) {
        var builder = com.huaweicloud.sdk.core.http.HttpRequest.newBuilder()
                .withEndpoint(base.toString().replaceAll("/$", ""))
                .withPath(path)
                .withMethod(HttpMethod.valueOf(method))
                .withContentType("application/json");
        query.forEach(builder::addQueryParam);
        extraHeaders.forEach(builder::addHeader);
        if (body != null) {
            builder.withBodyAsString(body);
        }
        Map<String, String> signed = AKSKSigner.getInstance().sign(builder.build(),
                new BasicCredentials().withAk(ak).withSk(sk));
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", "application/json");
        signed.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                headers.put(name, value);
            }
        });
        return new Signed(method, path, query, body, headers);
    }

    /** Sends a signed request with the SDK's encoding of the query; checks the answer against the spec. */
    Reply send(Signed signed) {
        StringBuilder query = new StringBuilder();
        signed.query().forEach((key, values) -> values.forEach(value -> query.append(query.length() == 0 ? "?" : "&")
                .append(SdkHmacSha256.encode(key)).append('=').append(SdkHmacSha256.encode(value))));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(signed.path().substring(1) + query))
                .method(signed.method(), signed.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(signed.body()));
        signed.headers().forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            List<String> problems = SpecValidator.get().problems(signed.method(), signed.path(),
                    response.statusCode(), response.headers().map(), response.body());
            if (!problems.isEmpty()) {
                throw new AssertionError("breaks the spec: " + problems + " " + response.body());
            }
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
