package dev.modelarts.local.db;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.modelarts.local.listing.ScopeGroups;
import dev.modelarts.local.model.ImageFilter;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.ImageSort;
import dev.modelarts.local.model.Page;

/**
 * ListImage's answers, each kept with the revisions its scopes had, and given again while every
 * one of those scopes is still at that revision. Clients poll the same listing over and over
 * (a pipeline waiting for its image, a CI job checking what it registered), and each answer
 * saved is a query saved: over PostgreSQL, the page query's round trip.
 *
 * <p>Why a kept answer is exact. Every write to a scope raises its revision ({@link GroupCommit}),
 * and the revisions come from {@link GroupIndex}: over a shared database read from it after the
 * listing began, on an embedded file the copies this process's writer updates before it answers
 * the write. An answer is kept only when it was read while no commit of this process was under
 * way ({@link WriterWatch}): it is then exactly the state at those revisions, and a client that
 * saw a later write answered sees a later revision, so never this answer. While a commit is
 * under way, listings read the database and keep nothing.
 *
 * <p>The cache holds at most {@code maxRows} rows in all (an answer weighs its rows, plus one).
 */
final class ImagePages {

    /** A ListImage question: the filter, the order and the page asked. */
    record Question(ImageFilter filter, ImageSort sort, int limit, long offset) {
    }

    private record Answer(List<Long> revisions, Page<ImageRow> page) {
    }

    private final LongSupplier writerEpoch;
    private final Cache<Question, Answer> answers;

    /** @param writerEpoch {@link GroupCommit#epoch()}: odd while a commit is under way */
    ImagePages(LongSupplier writerEpoch, long maxRows) {
        this.writerEpoch = writerEpoch;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxRows)
                .weigher((Question question, Answer answer) -> 1 + answer.page().items().size())
                .executor(Runnable::run) // evictions on the caller's thread: no pool of its own
                .build();
    }

    /**
     * The answer to {@code question}: the kept one while its scopes' revisions hold, otherwise
     * {@code read}'s (given the scopes' current copies), kept when it may be.
     *
     * @param scopes the visible scopes' current copies ({@link GroupIndex#current})
     */
    Page<ImageRow> answer(Question question, Supplier<List<ScopeGroups>> scopes,
            Function<List<ScopeGroups>, Page<ImageRow>> read) {
        WriterWatch watch = WriterWatch.start(writerEpoch); // before the revisions: see the class comment
        List<ScopeGroups> held = scopes.get();
        if (!watch.restingAtStart()) {
            return read.apply(held);
        }
        List<Long> revisions = held.stream().map(ScopeGroups::revision).toList();
        Answer kept = answers.getIfPresent(question);
        if (kept != null && kept.revisions().equals(revisions)) {
            return kept.page();
        }
        Page<ImageRow> page = read.apply(held);
        if (watch.restedThroughout()) {
            answers.put(question, new Answer(revisions, page));
        }
        return page;
    }
}
