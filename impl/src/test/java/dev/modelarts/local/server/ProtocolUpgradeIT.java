package dev.modelarts.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;

import dev.modelarts.local.testing.SpecValidator;
import dev.modelarts.local.testing.TestServer;

/**
 * Requests offering {@code Upgrade: h2c} (java.net.http's default) are answered as plain
 * HTTP/1.1, with their Content-Type, and a body sent with them is read to its end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolUpgradeIT {

    @RegisterExtension
    static final TestServer server = TestServer.create();

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder response = new StringBuilder();
            byte[] buffer = new byte[8192];
            int headerEnd = -1;
            int contentLength = -1;
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                response.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (headerEnd < 0 && (headerEnd = response.indexOf("\r\n\r\n")) >= 0) {
                    for (String line : response.substring(0, headerEnd).split("\r\n")) {
                        if (line.toLowerCase().startsWith("content-length:")) {
                            contentLength = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                }
                if (headerEnd >= 0 && contentLength >= 0 && response.length() >= headerEnd + 4 + contentLength) {
                    break;
                }
            }
            return response.toString();
        }
    }

    /** Checks a raw HTTP/1.1 response against the spec, like ApiClient does for its own. */
    private static void assertConformsToSpec(String method, String path, String response) {
        int headerEnd = response.indexOf("\r\n\r\n");
        String[] head = response.substring(0, headerEnd).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).trim(), List.of(head[i].substring(colon + 1).trim()));
        }
        String body = response.substring(headerEnd + 4);
        assertThat(SpecValidator.get().problems(method, path, status, headers, body)).isEmpty();
    }

    private static final String UPGRADE = "Connection: Upgrade, HTTP2-Settings\r\n"
            + "Upgrade: h2c\r\nHTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\n";

    @Test
    void aGetOfferingH2cIsAnsweredAsHttp11WithItsContentType() throws IOException {
        String response = exchange("GET /v1/p/images/group?limit=1 HTTP/1.1\r\nHost: localhost\r\nX-Auth-Token: " + TestServer.TOKEN + "\r\n"
                + UPGRADE + "\r\n");
        assertThat(response).startsWith("HTTP/1.1 200");
        assertThat(response.toLowerCase()).contains("content-type: application/json");
        assertThat(response.toLowerCase()).doesNotContain("upgrade:");
        assertConformsToSpec("GET", "/v1/p/images/group", response);
    }

    @Test
    void aBodySentWithAnUpgradeOfferIsReadToItsEnd() throws IOException {
        String body = "{\"swr_path\":\"swr.example.com/team/app:v1\"}";
        String response = exchange("PUT /v1/p/images/group HTTP/1.1\r\nHost: localhost\r\n" + UPGRADE
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        assertThat(response).startsWith("HTTP/1.1 405");
        assertThat(response.toLowerCase()).contains("content-type: application/json");
        assertThat(response).contains("\"error_code\":\"APIG.0101\"");
        assertConformsToSpec("PUT", "/v1/p/images/group", response);
    }
}
