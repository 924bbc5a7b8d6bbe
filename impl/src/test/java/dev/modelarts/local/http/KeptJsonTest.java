package dev.modelarts.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * A kept view's JSON is written once and sent again as bytes, and written and kept again once
 * the weight limit has dropped its bytes: the view outlives its body in the caches, and a body
 * that was never kept again cost the 200-group page two thirds of its rate (BENCHMARKS.md, "the
 * notified mode's 200-group page").
 */
class KeptJsonTest {

    private final AtomicInteger writes = new AtomicInteger();
    private final Function<Object, byte[]> write = view -> {
        writes.incrementAndGet();
        return "{\"groups\":[]}".getBytes(StandardCharsets.UTF_8);
    };

    @Test
    void aKeptViewsBodyIsWrittenOnceAndKeptAgainAfterItWasDropped() {
        KeptJson kept = new KeptJson(100, 1 << 20);
        Object answer = new Object();
        Object view = kept.view(answer, a -> new Object());

        byte[] first = kept.json(view, write);
        assertThat(kept.json(view, write)).isSameAs(first);
        assertThat(writes).hasValue(1);

        kept.dropBodies();
        kept.json(view, write);
        kept.json(view, write);
        assertThat(writes).as("written again once, then kept again").hasValue(2);
        Object again = kept.view(answer, a -> new Object());
        assertThat(again).as("the same view while its answer lives").isSameAs(view);
        Reference.reachabilityFence(answer);
    }

    @Test
    void aViewNotMadeHereIsWrittenEachTime() {
        KeptJson kept = new KeptJson(100, 1 << 20);
        Object view = new Object();

        kept.json(view, write);
        kept.json(view, write);

        assertThat(writes).hasValue(2);
    }
}
