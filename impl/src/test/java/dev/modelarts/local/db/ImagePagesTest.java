package dev.modelarts.local.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.modelarts.local.listing.ScopeGroups;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.ImageFilter;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.ImageSort;
import dev.modelarts.local.model.Page;

/**
 * When a kept ListImage answer is given again, as plain values: only while every scope is at the
 * revision it was read at, and only an answer read while the writer was at rest.
 */
class ImagePagesTest {

    private final AtomicLong epoch = new AtomicLong();
    private final ImagePages pages = new ImagePages(epoch::get, 1_000);
    private final AtomicInteger reads = new AtomicInteger();
    private long[] revisions = {3, 7};

    private static ImagePages.Question question(String project) {
        return new ImagePages.Question(new ImageFilter(GroupFilter.visibleTo(project, "0"), null, null, null),
                ImageSort.DEFAULT, 10, 0);
    }

    private List<ScopeGroups> scopes() {
        return List.of(ScopeGroups.of(revisions[0], List.of()), ScopeGroups.of(revisions[1], List.of()));
    }

    /** Each read answers a page whose total is the read's number, so the test sees which it got. */
    private long ask(ImagePages.Question question) {
        return ask(question, held -> new Page<ImageRow>(List.of(), reads.incrementAndGet(), 10, 0));
    }

    private long ask(ImagePages.Question question, Function<List<ScopeGroups>, Page<ImageRow>> read) {
        return pages.answer(question, this::scopes, read).total();
    }

    @Test
    void theSameQuestionAtTheSameRevisionsIsReadOnce() {
        assertThat(ask(question("p1"))).isEqualTo(1);
        assertThat(ask(question("p1"))).isEqualTo(1);
        assertThat(ask(question("p2"))).as("another question").isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void anyScopeMovingOnIsReadAgain() {
        ask(question("p1"));
        revisions = new long[] {3, 8};
        assertThat(ask(question("p1"))).isEqualTo(2);
        revisions = new long[] {4, 8};
        assertThat(ask(question("p1"))).isEqualTo(3);
        assertThat(ask(question("p1"))).isEqualTo(3);
    }

    @Test
    void whileACommitIsUnderWayEveryListingReadsAndNothingIsKept() {
        ask(question("p1"));
        epoch.set(1);
        assertThat(ask(question("p1"))).as("not the kept answer").isEqualTo(2);
        assertThat(ask(question("p1"))).isEqualTo(3);
        epoch.set(2);
        revisions = new long[] {3, 8};
        assertThat(ask(question("p1"))).isEqualTo(4);
        assertThat(ask(question("p1"))).isEqualTo(4);
    }

    @Test
    void anAnswerReadWhileACommitBeganIsNotKept() {
        ask(question("p1"), held -> {
            epoch.incrementAndGet(); // a batch begins while the page is read
            return new Page<>(List.of(), reads.incrementAndGet(), 10, 0);
        });
        epoch.incrementAndGet(); // and ends, without a scope of this question
        assertThat(ask(question("p1"))).isEqualTo(2);
        assertThat(ask(question("p1"))).isEqualTo(2);
    }

    @Test
    void theReadIsGivenTheScopesCopiesAsTheyWereAsked() {
        List<Long> seen = new ArrayList<>();
        ask(question("p1"), held -> {
            held.forEach(s -> seen.add(s.revision()));
            return new Page<>(List.of(), 0, 10, 0);
        });
        assertThat(seen).containsExactly(3L, 7L);
    }
}
