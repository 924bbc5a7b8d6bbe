package dev.modelarts.local.db;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.modelarts.local.listing.GroupListing;
import dev.modelarts.local.listing.ScopeGroups;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.GroupPage;

/**
 * ListImageGroup's answers, each kept with the scope copies it was listed from and given again
 * while the listing would be made from those very copies. A copy ({@link ScopeGroups}) is never
 * changed, only replaced ({@link GroupIndex}), so the same copies give the same page: a kept
 * answer is exact by construction, with no revision of its own to check.
 *
 * <p>The page itself is cheap to list again; what keeping it saves is what comes after it, the
 * answer's view and its JSON, which are kept by the answer's identity (the resources' kept views
 * and bodies). Clients poll the same listing over and over, and each of those polls then costs
 * the scopes' lookup and a comparison of references.
 */
final class GroupPages {

    /** A ListImageGroup question: the filter and the page asked. */
    record Question(GroupFilter filter, int limit, long offset) {
    }

    /**
     * The copies are held weakly: a kept answer must not keep a replaced copy (at a million
     * versions, some 50 MiB) alive; a collected one can only have been replaced.
     */
    private record Answer(List<WeakReference<ScopeGroups>> scopes, GroupPage page) {
    }

    private final Cache<Question, Answer> answers;

    /** @param maxAnswers how many answers are kept (least recently asked go first) */
    GroupPages(long maxAnswers) {
        this.answers = Caffeine.newBuilder()
                .maximumSize(maxAnswers)
                .executor(Runnable::run) // evictions on the caller's thread: no pool of its own
                .build();
    }

    /** The answer to {@code question}, listed from {@code scopes}' copies or kept from them. */
    GroupPage answer(Question question, Supplier<List<ScopeGroups>> scopes) {
        List<ScopeGroups> held = scopes.get();
        Answer kept = answers.getIfPresent(question);
        if (kept != null && sameCopies(kept.scopes(), held)) {
            return kept.page();
        }
        GroupPage page = GroupListing.page(held, question.filter(), question.limit(), question.offset());
        answers.put(question, new Answer(held.stream().map(WeakReference::new).toList(), page));
        return page;
    }

    private static boolean sameCopies(List<WeakReference<ScopeGroups>> kept, List<ScopeGroups> held) {
        if (kept.size() != held.size()) {
            return false;
        }
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).get() != held.get(i)) {
                return false;
            }
        }
        return true;
    }
}
