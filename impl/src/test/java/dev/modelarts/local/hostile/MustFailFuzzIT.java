package dev.modelarts.local.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;

import dev.modelarts.local.hostile.Attacks.Breaker;
import dev.modelarts.local.hostile.SpecOperations.Operation;
import dev.modelarts.local.testing.RawHttp.Answer;
import dev.modelarts.local.testing.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

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

    @BeforeContainer
    static void start() {
        target = HostileTarget.start();
        before = target.snapshot();
    }

    @AfterContainer
    static void stop() {
        try {
            assertSnapshotUnchanged();
            System.out.println("Must-fail requests, by breaker and status:\n" + target.report("hostile-must-fail"));
        } finally {
            target.close();
        }
    }

    @Provide
    Arbitrary<Operation> operations() {
        return Arbitraries.of(Attacks.breakable());
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(24),
                Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withCharRange('\ue000', '\ufffd').ofMaxLength(12));
    }

    @Property(tries = 4000)
    void aBrokenRequestIsRefusedAndChangesNothing(@ForAll("operations") Operation op, @ForAll Breaker breaker,
            @ForAll("text") String text, @ForAll @IntRange(min = 0, max = 1_000_000) int pick) {
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
