package dev.modelarts.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.modelarts.local.errors.ErrorCode;
import org.quicktheories.generators.Generate;

class RequestTargetTest {

    @ParameterizedTest(name = "{0} ? {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "/v1/p/images       | limit=%ZZ          | ModelArts.0104 | query parameter 'limit' has a malformed percent-escape",
        "/v1/p/images       | limit=%4           | ModelArts.0104 | query parameter 'limit' has a malformed percent-escape",
        "/v1/p/images       | name=%u0041        | ModelArts.0104 | query parameter 'name' has a malformed percent-escape",
        "/v1/p/images       | name=%C0%AF        | ModelArts.0104 | query parameter 'name' is not valid UTF-8",
        "/v1/p/images       | name=%ED%A0%80     | ModelArts.0104 | query parameter 'name' is not valid UTF-8",
        "/v1/p/images       | name=%FF           | ModelArts.0104 | query parameter 'name' is not valid UTF-8",
        "/v1/p/images       | name=a%00b         | ModelArts.0104 | query parameter 'name' contains a control character",
        "/v1/p/images       | %ZZ=1              | ModelArts.0104 | a query parameter name has a malformed percent-escape",
        "/v1/p/images       | name=a^b           | APIG.0201      | query parameter 'name' has the character 0x5E",
        "/v1/p/images/%C0%AF| NULL               | ModelArts.0104 | the request path is not valid UTF-8",
        "/v1/p/ima ges      | NULL               | APIG.0201      | the request path has the character 0x20",
        "*                  | NULL               | APIG.0201      | must be an absolute path",
        "/v1/p/images/;x    | NULL               | ModelArts.0104 | has ';'",
    })
    void refusesMalformedTargets(String path, String query, String code, String message) {
        Optional<RequestTarget.Problem> problem = RequestTarget.check(path.strip(), query == null ? null : query.strip());
        assertThat(problem).isPresent();
        assertThat(problem.get().code().code()).isEqualTo(code.strip());
        assertThat(problem.get().message()).contains(message.strip());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "/v1/p/images/group | namespace=atelier&name=pytorch&limit=2",
        "/v1/p/images       | name=%E4%B8%AD%E6%96%87&x=&flag",
        "/health            | NULL",
        "/v1/p/images       | sort_key=create_at,name&sort_dir=ASC",
    })
    void acceptsWellFormedTargets(String path, String query) {
        assertThat(RequestTarget.check(path.strip(), query == null ? null : query.strip())).isEmpty();
    }

    /**
     * Whatever text a client encodes properly, the target is accepted unless it has a control
     * character: any code point, ASCII (where the control characters are) and the code points
     * around the surrogates. Half a surrogate pair cannot be encoded: the JDK's encoder sends
     * '?' for it (an undecodable escape such as {@code %ED%A0%80} is one of the cases above).
     */
    @Test
    void everyProperlyEncodedValueIsAccepted() {
        qt().withExamples(500).forAll(Generate.oneOf(strings().allPossible().ofLengthBetween(0, 24),
                        strings().ascii().ofLengthBetween(0, 24), strings().betweenCodePoints(0xD7F0, 0xE010).ofLengthBetween(0, 8)))
                .checkAssert(RequestTargetTest::properlyEncoded);
    }

    private static void properlyEncoded(String value) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        Optional<RequestTarget.Problem> problem = RequestTarget.check("/v1/p/images", "name=" + encoded);
        boolean control = value.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
        if (control) {
            assertThat(problem).isPresent();
            assertThat(problem.get().code()).isEqualTo(ErrorCode.PARAMETER_ERROR);
        } else {
            assertThat(problem).isEmpty();
        }
    }

    @Test
    void aHostIsOneFieldNamingAHost() {
        RequestTarget.Authority local = new RequestTarget.Authority("localhost", 8080);
        assertThat(RequestTarget.checkHost(java.util.List.of(), "http", () -> local)).isEmpty();
        assertThat(RequestTarget.checkHost(java.util.List.of("localhost:8080"), "http", () -> local)).isEmpty();
        assertThat(hostProblem(java.util.List.of("a", "b"), () -> {
            throw new AssertionError("a repeated Host is refused before it is parsed");
        })).contains("more than one Host");
        assertThat(hostProblem(java.util.List.of(""), () -> local)).contains("is empty");
        assertThat(hostProblem(java.util.List.of("?"), () -> new RequestTarget.Authority(null, -1))).contains("names no host");
        assertThat(hostProblem(java.util.List.of("a b"), () -> new RequestTarget.Authority("a b", -1)))
                .contains("not a valid host[:port]");
        assertThat(hostProblem(java.util.List.of("h:x"), () -> {
            throw new IllegalStateException("Grizzly: a non-decimal port");
        })).contains("not a valid host[:port]");
    }

    private static String hostProblem(java.util.List<String> hosts, java.util.function.Supplier<RequestTarget.Authority> server) {
        Optional<RequestTarget.Problem> problem = RequestTarget.checkHost(hosts, "http", server);
        assertThat(problem).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST));
        return problem.get().message();
    }
}
