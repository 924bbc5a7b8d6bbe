package dev.modelarts.local.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jdbi.v3.core.Jdbi;

import dev.modelarts.local.listing.GroupListing;
import dev.modelarts.local.listing.ListingUpdates;
import dev.modelarts.local.listing.ScopeChange;
import dev.modelarts.local.listing.ScopeGroups;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.GroupPage;
import dev.modelarts.local.threads.NoWait;

/**
 * Keeps the group listing's read model ({@link ScopeGroups}, one per scope, in memory) true to
 * image_groups, which stays the record; the listing itself is {@link GroupListing}'s, and its
 * answers are kept while the copies they were listed from are current ({@link GroupPages}).
 *
 * <p>How the copy stays true. Every transaction that changes a scope's groups raises the scope's
 * revision ({@link ScopeRevisions}) and, once committed, the writer hands the groups as they now
 * are to {@link #apply}. A scope's copy is loaded on first use and replaced, never changed in
 * place. A change whose revision does not follow the copy's (another instance wrote in between)
 * drops the copy; the next listing loads it again. Loads and applies of one scope take turns on
 * the scope's lock; readers take no lock.
 *
 * <p>Who else writes. On an embedded H2 file this process is the only writer (H2 locks the
 * file), so its own changes are all there is. Over a shared database ({@code exclusive} false)
 * other instances write too: each listing then reads the visible scopes' revisions, through
 * {@link RevisionReads} (one query on the primary key for every listing that asked meanwhile),
 * and loads again any scope that has moved on; a listing on a thread that must not wait leaves
 * the read to the reader thread, which hands the revisions read to the thread the caller named,
 * to ask the listing again with them. With {@code notices} (the notified mode) a listing reads
 * the revisions PostgreSQL pushed instead ({@link RevisionNotices}), asking nothing while they
 * are heard.
 */
public final class GroupIndex implements ListingUpdates, AutoCloseable {

    private final Jdbi jdbi;
    private final boolean exclusive;
    private final ScopeRevisions revisions;
    private final ScopeChanges changes;
    private final GroupRows rows;
    private final Map<String, ScopeGroups> scopes = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** Over a shared database only. */
    private final RevisionReads shared;
    /** In the notified mode only. */
    private final RevisionNotices notices;
    /** Answers kept while their copies are current: at most this many. */
    private final GroupPages pages = new GroupPages(1_000);
    /** The threads that must not wait for a load or a revision read. */
    private final NoWait noWait;

    GroupIndex(Jdbi jdbi, boolean exclusive, ScopeRevisions revisions, GroupRows rows) {
        this(jdbi, exclusive, revisions, new ScopeChanges(false), rows, null, new NoWait());
    }

    /**
     * @param changes what each revision changed, to catch a copy up on (over a shared database)
     * @param notices the pushed revisions, or null to ask the database on each listing
     * @param noWait  the threads that get a copy only if it is current ({@link NoWait.WouldWait}
     *                where it would be read or checked)
     */
    GroupIndex(Jdbi jdbi, boolean exclusive, ScopeRevisions revisions, ScopeChanges changes, GroupRows rows,
            RevisionNotices notices, NoWait noWait) {
        this.jdbi = jdbi;
        this.exclusive = exclusive;
        this.revisions = revisions;
        this.changes = changes;
        this.rows = rows;
        this.shared = exclusive ? null : new RevisionReads(jdbi, revisions);
        this.notices = notices;
        this.noWait = noWait;
    }

    /** One page of the groups that match {@code filter}, with the matching total. */
    public GroupPage list(GroupFilter filter, int limit, long offset) {
        return pages.answer(new GroupPages.Question(filter, limit, offset),
                () -> current(GroupListing.visibleScopes(filter)));
    }

    @Override
    public void apply(ScopeChange change) {
        String scope = change.scope();
        synchronized (lock(scope)) {
            ScopeGroups held = scopes.get(scope);
            if (held == null || change.revision() <= held.revision()) {
                return; // not held, or already in the copy
            }
            if (change.revision() != held.revision() + 1) {
                scopes.remove(scope); // a change in between is missing: load again when asked
                return;
            }
            scopes.put(scope, held.with(change.revision(), change.groups()));
        }
    }

    /**
     * The copies of the {@code visible} scopes, each as new as the database was when this call
     * began (over a shared database), as this process's last answered write left it (alone on
     * its file), or as new as the revisions heard (notified).
     */
    List<ScopeGroups> current(List<String> visible) {
        Map<String, Long> heard = notices == null ? null : notices.known();
        Map<String, Long> stored = Map.of();
        if (!exclusive && heard == null) {
            stored = shared.given(visible);
            if (stored == null) {
                // on the I/O thread: the revisions are read without it waiting, then it is asked again
                noWait.check((then, where) -> shared.readThen(visible, then, where));
                stored = shared.read(visible);
            }
        }
        List<ScopeGroups> result = new ArrayList<>(visible.size());
        for (String scope : visible) {
            ScopeGroups held = scopes.get(scope);
            // heard: only behind counts, since a copy loaded just now may be ahead of its notice
            boolean behind = held == null || (heard != null ? held.revision() < heard.getOrDefault(scope, 0L)
                    : !exclusive && held.revision() != stored.getOrDefault(scope, 0L));
            if (behind) {
                noWait.check(); // a load reads the database, or waits for another thread's
                held = load(scope, held);
            }
            result.add(held);
        }
        return result;
    }

    /**
     * Loads a scope's copy, unless another thread replaced {@code stale} while this one waited: a
     * copy a few revisions behind takes the groups those revisions changed ({@link ScopeChanges}),
     * any other is read whole.
     */
    private ScopeGroups load(String scope, ScopeGroups stale) {
        synchronized (lock(scope)) {
            ScopeGroups held = scopes.get(scope);
            if (held != null && held != stale) {
                return held;
            }
            // the revision first: the groups read after it are at least that new, and applying
            // a change to a group that already has it changes nothing. A group the revisions did
            // not change is the same at the new revision as in the copy.
            ScopeGroups loaded = jdbi.withHandle(h -> {
                long revision = revisions.read(h, scope);
                if (held != null) {
                    var changed = changes.changedBetween(h, scope, held.revision(), revision);
                    if (changed.isPresent()) {
                        return held.with(revision, rows.byIds(h, scope, changed.get()));
                    }
                }
                return ScopeGroups.of(revision, rows.inScope(h, scope));
            });
            scopes.put(scope, loaded);
            return loaded;
        }
    }

    /** The pushed revisions in the notified mode; null otherwise. */
    RevisionNotices notices() {
        return notices;
    }

    private Object lock(String scope) {
        return locks.computeIfAbsent(scope, s -> new Object());
    }

    /** Stops the revision reader and listener, over a shared database. */
    @Override
    public void close() {
        if (notices != null) {
            notices.close();
        }
        if (shared != null) {
            shared.close();
        }
    }
}
