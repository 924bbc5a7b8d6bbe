package dev.modelarts.local.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.modelarts.local.hostile.SpecOperations.Operation;
import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.RawHttp.Answer;
import dev.modelarts.local.testing.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Requests that may or may not be valid: every read operation with any parameter values (valid,
 * at the limits, or arbitrary text, properly encoded), and request heads changed anywhere, byte
 * by byte. Whatever the answer, it is no 5xx, it carries an X-Request-Id, an error is the
 * ModelArts JSON with no trace of the implementation, and the server still answers /health.
 * (Every answer that comes through Jersey is also checked against the spec inside the server.)
 */
@Tag(TestDatabase.BOTH)
class AnyRequestFuzzIT {

    private static HostileTarget target;

    @BeforeContainer
    static void start() {
        target = HostileTarget.start();
    }

    @AfterContainer
    static void stop() {
        try {
            ApiClient.Reply health = target.server.client().get("/health");
            assertThat(health.status()).isEqualTo(200);
            System.out.println("Any requests, by category and status:\n" + target.report("hostile-any"));
        } finally {
            target.close();
        }
    }

    @Provide
    Arbitrary<Operation> reads() {
        return Arbitraries.of(Attacks.reads());
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(24),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.of("0", "-1", "1000", "1001", "2147483648", "true", "FALSE", "BUILD_IN", "DEDICATED",
                        "_", "%", "%25", "a_b", "A", "\u0663", "+1", "..", "", " ", "\u0000", "\ud800", "\uffff"));
    }

    @Property(tries = 3600)
    void anyReadGetsAModelArtsAnswer(@ForAll("reads") Operation op, @ForAll @Size(max = 6) List<@net.jqwik.api.From("text") String> texts,
            @ForAll @IntRange(min = 0, max = 1_000_000) int pick) {
        HostileRequest request = target.attacks.anyRead(op, texts, pick);
        Answer answer = target.raw.exchange(request.bytes(), false);
        target.answers.check(request.category(), request.describe(), answer);
    }

    @Property(tries = 2600)
    void anyRequestHeadGetsAModelArtsAnswer(@ForAll @IntRange(min = 0, max = 8) int kind,
            @ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll("text") String text) {
        HostileRequest request = HeadMutations.mutate(kind, position, text);
        Answer answer = target.raw.exchange(request.bytes(), false);
        target.answers.check(request.category(), request.describe(), answer);
    }
}
