package dev.modelarts.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestLineTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "GET     | HTTP/1.1 | none",
        "GET     | HTTP/1.0 | none",
        "PATCH   | HTTP/1.9 | none",
        "G\tET   | HTTP/1.1 | 'METHOD target HTTP/1.1'",
        "CONNECT | HTTP/1.1 | CONNECT is not served here",
        "PRI     | HTTP/2.0 | PRI is not served here",
        "GET     | HTTP/2.0 | HTTP/2.0 is not spoken here",
        "GET     | ''       | must end with the version",
        "GET     | http/1.1 | must end with the version",
        "GET     | HTTP/1.10 | must end with the version",
    })
    void checksMethodAndVersion(String method, String version, String problem) {
        var found = RequestLine.check(method.strip(), version.strip());
        if (problem == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).hasValueSatisfying(p -> assertThat(p.message()).startsWith("Bad request: ").contains(problem));
        }
    }

    @ParameterizedTest
    @CsvSource({"HTTP/1.0, false", "HTTP/1.1, true", "HTTP/1.7, true"})
    void higherMinorVersionsAreServedAsHttp11(String version, boolean http11) {
        assertThat(RequestLine.servedAsHttp11(version)).isEqualTo(http11);
    }
}
