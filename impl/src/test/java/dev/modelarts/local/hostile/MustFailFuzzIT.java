package dev.modelarts.local.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import dev.modelarts.local.hostile.Attacks.Breaker;
import dev.modelarts.local.hostile.SpecOperations.Operation;
import dev.modelarts.local.testing.RawHttp.Answer;
import dev.modelarts.local.testing.TestDatabase;

/**
 * Every operation of the spec, each request broken in one way that must make it fail (a bad
 * escape, a raw byte, a parameter the spec's schema refuses, a wrong credential, a broken body,
 * a bad header byte): each is a 4xx in the ModelArts shape, and nothing any attacked project can
 * see changes, checked every {@value #SNAPSHOT_EVERY} requests and at the end.
 */
@Tag(TestDatabase.BOTH)
class MustFailFuzzIT {

    private static final int SNAPSHOT_EVERY = 250;

    private static HostileTarget target;
    private static String before;
    private static final Deque<String> SINCE_SNAPSHOT = new ArrayDeque<>();

    @BeforeAll
    static void start() {
        target = HostileTarget.start();
        before = target.snapshot();
    }

    @AfterAll
    static void stop() {
        try {
            assertSnapshotUnchanged();
            System.out.println("Must-fail requests, by breaker and status:\n" + target.report("hostile-must-fail"));
        } finally {
            target.close();
        }
    }

    private static Gen<String> text() {
        return Generate.oneOf(
                strings().ascii().ofLengthBetween(0, 24),
                strings().betweenCodePoints(0, 0xD7FF).ofLengthBetween(0, 12),
                strings().betweenCodePoints(0xE000, 0xFFFD).ofLengthBetween(0, 12));
    }

    @Test
    void aBrokenRequestIsRefusedAndChangesNothing() {
        qt().withExamples(4000).withShrinkCycles(200)
                .forAll(arbitrary().pick(Attacks.breakable()), arbitrary().enumValues(Breaker.class), text(),
                        integers().between(0, 1_000_000))
                .checkAssert(MustFailFuzzIT::refusedAndChangesNothing);
    }

    private static void refusedAndChangesNothing(Operation op, Breaker breaker, String text, int pick) {
        HostileRequest request = target.attacks.mustFail(op, breaker, text, pick);
        Answer answer = target.raw.exchange(request.bytes(), false);
        target.answers.check(request.category(), request.describe(), answer);
        assertThat(answer.status()).as("refused: %s -> %s", request.describe(), answer.body()).isBetween(400, 499);
        synchronized (SINCE_SNAPSHOT) {
            SINCE_SNAPSHOT.add(request.describe());
            if (SINCE_SNAPSHOT.size() >= SNAPSHOT_EVERY) {
                assertSnapshotUnchanged();
            }
        }
    }

    private static void assertSnapshotUnchanged() {
        assertThat(target.snapshot()).as("what the projects see, after one of:\n%s", String.join("\n", SINCE_SNAPSHOT))
                .isEqualTo(before);
        SINCE_SNAPSHOT.clear();
    }
}
