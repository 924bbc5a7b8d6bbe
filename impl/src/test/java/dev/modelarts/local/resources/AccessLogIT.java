package dev.modelarts.local.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.modelarts.local.requestid.RequestId;
import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.LogCapture;
import dev.modelarts.local.testing.TestServer;

/** The access line an operator reads: every field, the request id beside it, and no credential. */
class AccessLogIT {

    @RegisterExtension
    static final TestServer server = TestServer.create();

    private final Logger access = (Logger) LoggerFactory.getLogger("access");
    private LogCapture lines;

    @BeforeEach
    void listen() {
        access.setLevel(Level.INFO);
        lines = new LogCapture("access");
    }

    @AfterEach
    void stopListening() {
        lines.close();
        access.setLevel(null);
    }

    @Test
    void aLineCarriesClientBytesPrincipalAgentAndTheRequestId() throws Exception {
        Reply reply = new ApiClient(server.baseUri()).get("/v1/" + TestServer.PROJECT_A + "/images/group?limit=2",
                Map.of("X-Auth-Token", TestServer.TOKEN_A, "User-Agent", "pipeline/1.0 \"quoted\""));
        ILoggingEvent line = awaitLine(reply.header("X-Request-Id"));
        assertThat(line.getFormattedMessage())
                .matches("GET /v1/project-a/images/group\\?limit=2 200 \\d+\\.\\d ms " + reply.body().length()
                        + " B client=127\\.0\\.0\\.1 principal=token proj\\.\\.\\.\\(\\d+\\) agent=\"pipeline/1\\.0 %22quoted%22\"")
                .doesNotContain(TestServer.TOKEN_A);
    }

    @Test
    void anAnonymousRequestHasADashForItsPrincipal() throws Exception {
        Reply reply = new ApiClient(server.baseUri()).get("/v1/" + TestServer.PROJECT_A + "/images/group");
        assertThat(awaitLine(reply.header("X-Request-Id")).getFormattedMessage()).contains(" 401 ", "principal=-");
    }

    /** The line is written once the answer is out, so it may trail the client a little. */
    private ILoggingEvent awaitLine(String requestId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Optional<ILoggingEvent> found = lines.events().stream()
                    .filter(e -> requestId.equals(e.getMDCPropertyMap().get(RequestId.MDC_KEY))).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no access line with request id " + requestId + " in " + LogCapture.describe(lines.events()));
    }
}
