package dev.modelarts.local.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.modelarts.local.hostile.SpecOperations.Operation;
import dev.modelarts.local.hostile.SpecOperations.Param;
import dev.modelarts.local.testing.RawHttp.Answer;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;

/**
 * The hostile inputs found against the packaged server, each as it was sent: every one is
 * answered in the ModelArts shape with an X-Request-Id and the right status, none is a 5xx, an
 * HTML page or a bare status, and nothing invalid is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag(TestDatabase.BOTH)
class HttpEdgeIT {

    private static final String TOKEN = "X-Auth-Token: " + TestServer.TOKEN + "\r\n";
    private static final String P = "/v1/" + Attacks.PROJECT;

    private HostileTarget target;

    @BeforeAll
    void start() {
        target = HostileTarget.start();
    }

    @AfterAll
    void stop() {
        target.close();
    }

    private Answer send(String latin1Request) {
        return send(latin1Request.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    private Answer send(byte[] request, boolean halfClose) {
        Answer answer = target.raw.exchange(request, halfClose);
        target.answers.check("named", new String(request, StandardCharsets.ISO_8859_1), answer);
        return answer;
    }

    private static String get(String target, String... headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + TOKEN + String.join("", headers) + "\r\n";
    }

    private static String post(String target, byte[] body, String... headers) {
        return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + TOKEN + "Content-Type: application/json\r\n"
                + String.join("", headers) + "Content-Length: " + body.length + "\r\n\r\n"
                + new String(body, StandardCharsets.ISO_8859_1);
    }

    private void assertRefused(Answer answer, int status, String code, String messagePart) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(Answers.errorCode(answer)).isEqualTo(code);
        assertThat(answer.body()).contains(messagePart);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%ZZ", "%4", "%u0041"})
    void aBadPercentEscapeInAnyParameterIsA400NamingIt(String escape) {
        for (Operation op : Attacks.breakable()) {
            for (Param param : op.in("query")) {
                String path = target.attacks.valid(op, "named", 0).path();
                Answer answer = send((op.method() + " " + path + "?" + param.name() + "=" + escape
                        + " HTTP/1.1\r\nHost: x\r\n" + TOKEN + "Content-Length: 0\r\n\r\n"));
                assertRefused(answer, 400, "ModelArts.0104", "query parameter '" + param.name() + "' has a malformed percent-escape");
            }
        }
        assertRefused(send(get(P + "/images/ab%ZZ")), 400, "ModelArts.0104", "the request path has a malformed percent-escape");
        assertRefused(send(get("/v1/%ZZ/images")), 400, "ModelArts.0104", "the request path has a malformed percent-escape");
    }

    @Test
    void aRawNonAsciiByteInTheRequestLineIsA400() {
        assertRefused(send(get(P + "/images/group?type=\u00c2\u00a0")), 400, "APIG.0201", "has the character 0xC2");
    }

    @Test
    void nulInThePathIsA400() {
        assertRefused(send(get(P + "/ima\u0000ges")), 400, "APIG.0201", "0x00");
        assertRefused(send(get(P + "/images/a%00b")), 400, "ModelArts.0104", "control character");
    }

    @Test
    void aBadEmptyOrRepeatedHostIsA400() {
        assertRefused(send("GET /health HTTP/1.1\r\nHost: a b\r\n\r\n"), 400, "APIG.0201", "Host");
        assertRefused(send("GET /health HTTP/1.1\r\nHost:\r\n\r\n"), 400, "APIG.0201", "Host header is empty");
        assertRefused(send("GET /health HTTP/1.1\r\nHost: my_host\r\n\r\n"), 400, "APIG.0201", "Host");
        assertRefused(send("GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), 400, "APIG.0201", "more than one Host");
        assertRefused(send("GET /health HTTP/1.1\r\n\r\n"), 400, "APIG.0201", "requires a Host");
    }

    @Test
    void optionsOnAnyPathIsA405WithAllow() {
        Answer health = send("OPTIONS /health HTTP/1.1\r\nHost: x\r\n\r\n");
        assertRefused(health, 405, "APIG.0101", "not allowed");
        assertThat(health.header("Allow")).isEqualTo("GET, HEAD");
        Answer images = send("OPTIONS " + P + "/images HTTP/1.1\r\nHost: x\r\n\r\n");
        assertRefused(images, 405, "APIG.0101", "not allowed");
        assertThat(images.header("Allow")).isEqualTo("GET, HEAD, POST");
    }

    @Test
    void invalidUtf8InABodyIsRefusedNamingTheFieldAndNothingIsStored() {
        String before = target.snapshot();
        byte[] overlong = "{\"swr_path\":\"swr.example.com/hostile/utf:t1\",\"description\":\"a\u00c0\u00afb\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(send(post(P + "/images", overlong)), 400, "ModelArts.0104", "'description' is not valid UTF-8");
        byte[] surrogate = "{\"swr_path\":\"swr.example.com/hostile/utf:t2\",\"description\":\"a\u00ed\u00a0\u0080b\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(send(post(P + "/images", surrogate)), 400, "ModelArts.0104", "'description' is not valid UTF-8");
        String group = target.attacks.valid(Attacks.breakable().stream().filter(o -> o.id().equals("updateImageGroup")).findFirst().orElseThrow(), "", 0).path();
        byte[] readMe = "{\"read_me\":\"a\u00c0\u00afb\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(send(post(group, readMe).replaceFirst("POST", "PUT")), 400, "ModelArts.0104", "'read_me' is not valid UTF-8");
        byte[] nul = "{\"read_me\":\"a\\u0000b\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(send(post(group, nul).replaceFirst("POST", "PUT")), 400, "ModelArts.0104", "'read_me' contains the character U+0000");
        assertThat(target.snapshot()).isEqualTo(before);
    }

    @Test
    void aBadByteInAHeaderValueIsA400WithABody() {
        assertRefused(send("GET " + P + "/images HTTP/1.1\r\nHost: x\r\nX-Auth-Token: dev-tok\u00c3\u00a9n\r\n\r\n"), 400, "APIG.0201", "0xC3");
        assertRefused(send("GET " + P + "/images HTTP/1.1\r\nHost: x\r\nX-Auth-Token: a\u0001b\r\n\r\n"), 400, "APIG.0201", "0x01");
    }

    @Test
    void oversizedRequestLinesAndHeadersAreRefusedWithTheLimit() {
        assertRefused(send(get(P + "/images?name=" + "a".repeat(20_000))), 414, "APIG.0201", "exceeds 16384 bytes");
        assertRefused(send(get("/health", ("X-Big: " + "v".repeat(8_000) + "\r\n").repeat(3))), 431, "APIG.0201", "exceed 16384 bytes");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        assertRefused(send(get("/health", many.toString())), 431, "APIG.0201", "more than 100 header fields");
    }

    @Test
    void bareLineFeedsAreA400WithABody() {
        assertRefused(send("GET /health HTTP/1.1\nHost: x\n\n"), 400, "APIG.0201", "CR LF");
    }

    @Test
    void anUnknownExpectationIsA417() {
        String head = "POST " + P + "/images HTTP/1.1\r\nHost: x\r\n" + TOKEN + "Content-Type: application/json\r\n"
                + "Content-Length: 5\r\nExpect: nonsense\r\n\r\n";
        assertRefused(send(head), 417, "APIG.0201", "100-continue");
        String chunked = "POST " + P + "/images HTTP/1.1\r\nHost: x\r\n" + TOKEN + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nExpect: nonsense\r\n\r\n";
        assertRefused(send(chunked), 417, "APIG.0201", "100-continue");
    }

    @Test
    void anUnparseableContentTypeIsA415() {
        byte[] body = "{}".getBytes(StandardCharsets.US_ASCII);
        assertRefused(send(post(P + "/images", body, "Content-Type: /\r\n").replace("Content-Type: application/json\r\n", "")),
                415, "ModelArts.0101", "not a media type");
    }

    @Test
    void http12IsServedAsHttp11() {
        Answer answer = send("GET /health HTTP/1.2\r\nHost: x\r\n\r\n");
        assertThat(answer.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /health http/1.1", " GET /health HTTP/1.1", "GET /health HTTP/1.1 extra", "GET /health HTTP/2.0",
        "GET /health", "GET\u0000 /health HTTP/1.1", "CONNECT 127.0.0.1:443 HTTP/1.1", "PRI * HTTP/2.0"})
    void malformedRequestLinesAreA400(String line) {
        assertRefused(send(line + "\r\nHost: x\r\n\r\n"), 400, "APIG.0201", "Bad request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%D9%A3", "+3", "%2B3", "3.0", "0x3", "%EF%BC%93", "99999999999"})
    void numbersInQueriesAreOnlyAsciiDigits(String limit) {
        for (String path : List.of(P + "/images/group", P + "/images")) {
            assertRefused(send(get(path + "?limit=" + limit)), 400, "ModelArts.0104", "query parameter 'limit'");
            assertRefused(send(get(path + "?offset=" + limit)), 400, "ModelArts.0104", "query parameter 'offset'");
        }
    }

    @Test
    void brokenBodiesAreA400OrAClosedConnectionAndLogNothing() {
        String head = "POST " + P + "/images HTTP/1.1\r\nHost: x\r\n" + TOKEN + "Content-Type: application/json\r\n";
        assertRefused(send(head + "Transfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n"), 400, "APIG.0201", "malformed");
        assertRefused(send(head + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"), 400, "APIG.0201", "Content-Length");
        assertRefused(send(head + "Content-Length: abc\r\n\r\n{}"), 400, "APIG.0201", "Bad request");
        // a client that stops sending halfway: nobody is left to answer, and it is no server fault
        Answer stopped = target.raw.exchange((head + "Content-Length: 100\r\n\r\n{\"swr").getBytes(StandardCharsets.ISO_8859_1), true);
        assertThat(stopped.status()).isIn(0, 400);
        // HostileTarget.close() fails if any of these was logged at WARN or above
    }

    @Test
    void deeplyNestedJsonIsA400WithTheLimit() {
        byte[] deep = ("{\"swr_path\":\"swr.example.com/hostile/deep:t1\",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}")
                .getBytes(StandardCharsets.US_ASCII);
        assertRefused(send(post(P + "/images", deep)), 400, "ModelArts.6400", "deeper than 32 levels");
    }

    @Test
    void aBodyOverTheLimitIsA413WithTheLimit() {
        byte[] big = ("{\"swr_path\":\"swr.example.com/hostile/big:t1\",\"description\":\"" + "x".repeat(1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
        assertRefused(send(post(P + "/images", big)), 413, "ModelArts.4104", "1048576 bytes");
    }
}
