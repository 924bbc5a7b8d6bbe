package dev.modelarts.local.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import dev.modelarts.local.testing.TestServer;
import dev.modelarts.local.testing.LogCapture;
import dev.modelarts.local.testing.RawHttp.Answer;
import dev.modelarts.local.testing.RawHttp;

/**
 * A real fault (the server's own, not the client's) is answered 500 ModelArts.0010 with the
 * request id in the message, no trace of the implementation in the body, and logged exactly
 * once at ERROR with that request id and the stack trace, whichever way it was raised.
 */
class FaultLoggingIT {

    /** Raises a fault on request, by the header's value; stands in for a bug. */
    @PreMatching
    public static final class Faults implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            switch (String.valueOf(request.getHeaderString("X-Test-Fault"))) {
                case "unchecked" -> throw new IllegalStateException("a bug");
                case "jersey" -> throw new InternalServerErrorException("a 500 raised through Jersey");
                case "error" -> throw new AssertionError("an Error, not an Exception");
                default -> {
                }
            }
        }
    }

    @RegisterExtension
    static final TestServer server = TestServer.create().withProvider(new Faults());

    @ParameterizedTest
    @ValueSource(strings = {"unchecked", "jersey", "error"})
    void aFaultIsA500LoggedOnceWithItsRequestIdAndStack(String fault) {
        Answer answer;
        List<ILoggingEvent> errors;
        try (LogCapture log = new LogCapture()) {
            answer = new RawHttp(server.port()).exchange("GET /health HTTP/1.1\r\nHost: x\r\nX-Test-Fault: " + fault
                    + "\r\nConnection: close\r\n\r\n");
            errors = log.atLeast(Level.ERROR);
        }
        String requestId = answer.header("X-Request-Id");
        assertThat(answer.status()).isEqualTo(500);
        assertThat(Answers.errorCode(answer)).isEqualTo("ModelArts.0010");
        assertThat(answer.body()).contains("Request id: " + requestId);
        Answers.assertClean(answer.body(), fault);
        assertThat(errors).as(LogCapture.describe(errors)).hasSize(1);
        assertThat(errors.get(0).getFormattedMessage()).contains(requestId);
        assertThat(errors.get(0).getThrowableProxy()).isNotNull();
    }
}
