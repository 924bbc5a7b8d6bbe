package dev.modelarts.local.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import dev.modelarts.local.hostile.SpecOperations.Operation;
import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.RawHttp.Answer;
import dev.modelarts.local.testing.TestDatabase;

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

    @BeforeAll
    static void start() {
        target = HostileTarget.start();
    }

    @AfterAll
    static void stop() {
        try {
            ApiClient.Reply health = target.server.client().get("/health");
            assertThat(health.status()).isEqualTo(200);
            System.out.println("Any requests, by category and status:\n" + target.report("hostile-any"));
        } finally {
            target.close();
        }
    }

    private static Gen<String> text() {
        return Generate.oneOf(
                strings().ascii().ofLengthBetween(0, 24),
                strings().allPossible().ofLengthBetween(0, 12),
                arbitrary().pick("0", "-1", "1000", "1001", "2147483648", "true", "FALSE", "BUILD_IN", "DEDICATED",
                        "_", "%", "%25", "a_b", "A", "\u0663", "+1", "..", "", " ", "\u0000", "\ud800", "\uffff"));
    }

    @Test
    void anyReadGetsAModelArtsAnswer() {
        qt().withExamples(3600).withShrinkCycles(200)
                .forAll(arbitrary().pick(Attacks.reads()), lists().of(text()).ofSizeBetween(0, 6),
                        integers().between(0, 1_000_000))
                .checkAssert((op, texts, pick) -> {
                    HostileRequest request = target.attacks.anyRead(op, texts, pick);
                    Answer answer = target.raw.exchange(request.bytes(), false);
                    target.answers.check(request.category(), request.describe(), answer);
                });
    }

    @Test
    void anyRequestHeadGetsAModelArtsAnswer() {
        qt().withExamples(2600).withShrinkCycles(200)
                .forAll(integers().between(0, 8), integers().between(0, 100_000), text())
                .checkAssert((kind, position, text) -> {
                    HostileRequest request = HeadMutations.mutate(kind, position, text);
                    Answer answer = target.raw.exchange(request.bytes(), false);
                    target.answers.check(request.category(), request.describe(), answer);
                });
    }
}
