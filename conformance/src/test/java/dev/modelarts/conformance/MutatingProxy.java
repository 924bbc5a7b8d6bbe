package dev.modelarts.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A test double of a server that drifted from the spec: it forwards every request to the real
 * server and changes the answers of one kind of request (a field renamed, a header dropped).
 */
final class MutatingProxy implements AutoCloseable {

    /** An answer as the proxy passes it on. */
    record Answer(int status, Map<String, List<String>> headers, String body) {
    }

    /** Which requests to change, and how. */
    interface Mutation {
        boolean applies(String method, String path);

        Answer apply(Answer answer);
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "transfer-encoding",
            "host", "expect", "upgrade", "keep-alive", "date");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    MutatingProxy(URI upstream, Mutation mutation) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> forward(upstream, mutation, exchange));
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Renames a field of the JSON answers to the requests the predicate picks. */
    static Mutation renameField(String method, String pathRegex, String from, String to) {
        return mutation(method, pathRegex, a -> new Answer(a.status(), a.headers(),
                a.body().replace("\"" + from + "\":", "\"" + to + "\":")));
    }

    /** Drops a header from the answers to the requests the predicate picks. */
    static Mutation dropHeader(String method, String pathRegex, String header) {
        return mutation(method, pathRegex, a -> {
            Map<String, List<String>> headers = new LinkedHashMap<>(a.headers());
            headers.keySet().removeIf(header::equalsIgnoreCase);
            return new Answer(a.status(), headers, a.body());
        });
    }

    private static Mutation mutation(String method, String pathRegex, UnaryOperator<Answer> change) {
        return new Mutation() {
            @Override
            public boolean applies(String m, String path) {
                return m.equals(method) && path.matches(pathRegex);
            }

            @Override
            public Answer apply(Answer answer) {
                return change.apply(answer);
            }
        };
    }

    private void forward(URI upstream, Mutation mutation, HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response.statusCode(), headers(response.headers()), response.body());
            if (mutation.applies(exchange.getRequestMethod(), exchange.getRequestURI().getPath())) {
                answer = mutation.apply(answer);
            }
            answer.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static Map<String, List<String>> headers(HttpHeaders headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                copy.put(name, values);
            }
        });
        return copy;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
