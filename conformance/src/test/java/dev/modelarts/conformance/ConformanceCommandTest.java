package dev.modelarts.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/** The runner's exit code 2: a run that could not be made says why, and checks nothing. */
class ConformanceCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ConformanceCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void withoutACredentialItSaysWhichToGive() {
        assertThat(run("--target", "http://127.0.0.1:9", "--project", "p")).isEqualTo(2);
        assertThat(err.toString()).contains("--token, or --ak with --sk");
    }

    @Test
    void anUnknownScopeIsRefused() {
        assertThat(run("--target", "http://127.0.0.1:9", "--project", "p", "--token", "t", "--scope", "all"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--scope is service or server");
    }

    @Test
    void anEndpointThatDoesNotAnswerIsNamed() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(run("--target", "http://127.0.0.1:" + port, "--project", "p", "--token", "t")).isEqualTo(2);
        assertThat(err.toString()).contains("http://127.0.0.1:" + port + " does not answer");
    }
}
