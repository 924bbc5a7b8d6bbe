package dev.modelarts.local.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.modelarts.local.listing.ListingUpdates;
import dev.modelarts.local.listing.ScopeChange;
import dev.modelarts.local.model.GroupKey;
import dev.modelarts.local.threads.NoWait;

/**
 * Every write of this instance goes through one writer thread, which runs the writes waiting at
 * that moment in one transaction and commits once for all of them (group commit). A caller
 * returns only after that commit, so an answered write is as durable as a write of its own; it
 * costs a fraction of a commit when writes arrive together.
 *
 * <p>When one write of a batch fails (a duplicate tag, say), the whole transaction rolls back, that
 * write's caller gets its exception, and the others run again in a new transaction: nothing a
 * failed write did is kept, and no savepoint per write is paid for in the usual case where
 * none fails. When the transaction itself fails (the database is gone), every caller in it gets
 * that failure and nothing is kept.
 *
 * <p>Lock order, for databases that other instances write too: the batch runs its writes in the
 * order of their keys (scope, namespace, name for registrations), and raises the changed scopes'
 * revisions at the end, in scope order, so two batches take their locks in the same order. The
 * writes of a batch that PostgreSQL still picks as a deadlock victim run again, each alone.
 *
 * <p>After the commit the batch's changes go to the listing ({@link ListingUpdates}), in commit
 * order, before any caller is answered: a client that has its answer sees its write in the
 * listing.
 */
final class GroupCommit implements AutoCloseable {

    /**
     * A write: changes rows through {@code h} and declares, in {@code changed}, the groups it
     * changed, or that it changed none. A write that returns without declaring fails (its
     * transaction rolls back): a change the listing is not told of would leave it stale.
     */
    @FunctionalInterface
    interface Write<T> {
        T run(Handle h, ChangedGroups changed);
    }

    /** A write returned without declaring what it changed: a defect of that write, never of input. */
    static final class UndeclaredChange extends IllegalStateException {
        UndeclaredChange(String key) {
            super("a write (key '" + key + "') returned without declaring the groups it changed"
                    + " (ChangedGroups.add, addAll or none): the listing would not show its change");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** At most this many writes share a transaction. */
    private static final int MAX_BATCH = 256;
    /** SQLStates of a transaction that lost a deadlock or a serialization race (PostgreSQL). */
    private static final Set<String> RETRYABLE = Set.of("40P01", "40001");

    private final Jdbi jdbi;
    private final ScopeRevisions revisions;
    private final ScopeChanges changes;
    private final GroupRows rows;
    private final ListingUpdates listing;
    private final Runnable afterCommit;
    private final NoWait noWait;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closing;
    /** Odd while a batch is being committed and applied; see {@link #epoch()}. */
    private final AtomicLong epoch = new AtomicLong();

    /** A writer that records no revision's groups (alone on its database). */
    GroupCommit(Jdbi jdbi, ScopeRevisions revisions, GroupRows rows, ListingUpdates listing, Runnable afterCommit) {
        this(jdbi, revisions, new ScopeChanges(false), rows, listing, afterCommit, new NoWait());
    }

    /**
     * @param changes     where each revision's groups are recorded, for the other instances
     * @param afterCommit runs after each commit, before its callers are answered (a sync to the disk)
     * @param noWait      the threads that may not wait for a commit
     */
    GroupCommit(Jdbi jdbi, ScopeRevisions revisions, ScopeChanges changes, GroupRows rows, ListingUpdates listing,
            Runnable afterCommit, NoWait noWait) {
        this.jdbi = jdbi;
        this.revisions = revisions;
        this.changes = changes;
        this.rows = rows;
        this.listing = listing;
        this.afterCommit = afterCommit;
        this.noWait = noWait;
        this.writer = new Thread(this::writeLoop, "modelarts-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Runs {@code write} in the next group commit and waits for that commit.
     *
     * @param key orders the batch's writes; writes that lock the same rows should have equal keys
     *            ("" when it is not known beforehand)
     * @return what the write returned
     * @throws RuntimeException what the write threw, or why its transaction failed
     */
    <T> T run(String key, Write<T> write) {
        noWait.check();
        Pending<T> pending = new Pending<>(key, write);
        synchronized (this) {
            // under the lock that close() takes: nothing is queued after the writer was told to stop
            if (closing) {
                throw new IllegalStateException("the database is closing");
            }
            queue.add(pending);
        }
        try {
            return pending.result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Raised as each batch begins and again once it is committed and applied to the listing: a
     * read that saw the same even value before and after saw no commit of this process half
     * done ({@link ImagePages}).
     */
    long epoch() {
        return epoch.get();
    }

    private void writeLoop() {
        List<Pending<?>> batch = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                epoch.incrementAndGet();
                try {
                    commit(batch);
                } finally {
                    epoch.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable unexpected) {
                // never leave a caller waiting, whatever went wrong
                batch.forEach(p -> p.result.completeExceptionally(unexpected));
                LOG.error("Writer failed; {} writes answered with the failure", batch.size(), unexpected);
            } finally {
                batch.clear();
            }
        }
        queue.forEach(p -> p.result.completeExceptionally(new IllegalStateException("the database is closed")));
    }

    private void commit(List<Pending<?>> batch) {
        batch.sort(Comparator.comparing((Pending<?> p) -> p.key));
        int[] failedAt = {-1};
        List<ScopeChange> changes;
        try {
            changes = jdbi.inTransaction(h -> {
                Map<String, Set<String>> byScope = new TreeMap<>();
                for (int i = 0; i < batch.size(); i++) {
                    failedAt[0] = i;
                    for (GroupKey key : run(h, batch.get(i))) {
                        byScope.computeIfAbsent(key.scope(), s -> new LinkedHashSet<>()).add(key.groupId());
                    }
                }
                failedAt[0] = -1;
                List<ScopeChange> scopeChanges = new ArrayList<>();
                byScope.forEach((scope, ids) -> scopeChanges.add(scopeChange(h, scope, ids)));
                return scopeChanges;
            });
        } catch (RuntimeException failed) {
            recover(batch, failedAt[0], failed);
            return;
        }
        changes.forEach(listing::apply);
        try {
            afterCommit.run();
        } catch (RuntimeException failed) {
            // committed, but not as durable as promised: not acknowledged (a retry finds the write)
            batch.forEach(p -> p.result.completeExceptionally(failed));
            return;
        }
        batch.forEach(Pending::complete);
    }

    /**
     * Raises the scope's revision, records which groups it changed, and reads them as they now
     * are, inside the transaction.
     */
    private ScopeChange scopeChange(Handle h, String scope, Set<String> groupIds) {
        long revision = revisions.raise(h, scope);
        changes.record(h, scope, revision, groupIds);
        return new ScopeChange(scope, revision, rows.byIds(h, scope, groupIds));
    }

    /**
     * After a batch's transaction rolled back: when one write failed, that write gets its failure
     * and the others run again without it; when the transaction itself failed, every write gets
     * the failure. A deadlock victim's writes run again, each alone.
     */
    private void recover(List<Pending<?>> batch, int failedAt, RuntimeException failed) {
        if (isRetryable(failed) && batch.size() > 1) {
            batch.forEach(p -> commit(new ArrayList<>(List.of(p))));
            return;
        }
        if (failedAt < 0) {
            batch.forEach(p -> p.result.completeExceptionally(failed));
            return;
        }
        batch.get(failedAt).result.completeExceptionally(failed);
        List<Pending<?>> others = new ArrayList<>(batch);
        others.remove(failedAt);
        if (!others.isEmpty()) {
            commit(others);
        }
    }

    private static <T> Set<GroupKey> run(Handle h, Pending<T> pending) {
        ChangedGroups changed = new ChangedGroups();
        pending.value = pending.write.run(h, changed);
        if (!changed.declared()) {
            throw new UndeclaredChange(pending.key);
        }
        return changed.keys();
    }

    private static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && RETRYABLE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Stops taking writes, finishes those already queued, and stops the writer. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Pending<T> {

        final String key;
        final Write<T> write;
        final CompletableFuture<T> result = new CompletableFuture<>();
        T value;

        Pending(String key, Write<T> write) {
            this.key = key;
            this.write = write;
        }

        void complete() {
            result.complete(value);
        }
    }
}
