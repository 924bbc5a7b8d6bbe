package dev.modelarts.local.db;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jdbi.v3.core.Jdbi;

/**
 * The scope revisions that listings over a shared database read, one query for every listing
 * that asked while the previous query ran: as exact as a query per listing, since a listing's
 * answer always comes from a query that started after it asked (so after every write a client
 * saw answered before it asked), and with far fewer queries under load.
 *
 * <p>One reader thread takes what has been asked, reads the union of the scopes (one query on the
 * primary key), and answers each asker; a failed read fails each of them with its exception.
 */
final class RevisionReads implements AutoCloseable {

    private record Ask(List<String> scopes, CompletableFuture<Map<String, Long>> answer) {
    }

    private final Jdbi jdbi;
    private final ScopeRevisions revisions;
    private final BlockingQueue<Ask> asks = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean closed;

    RevisionReads(Jdbi jdbi, ScopeRevisions revisions) {
        this.jdbi = jdbi;
        this.revisions = revisions;
        this.reader = new Thread(this::readWhileOpen, "scope-revision-reads");
        reader.setDaemon(true);
        reader.start();
    }

    /** The revisions of {@code scopes} that have one, read after this call began. */
    Map<String, Long> read(List<String> scopes) {
        Ask ask = new Ask(scopes, new CompletableFuture<>());
        asks.add(ask);
        if (closed) {
            ask.answer().completeExceptionally(new IllegalStateException("the data layer is closed"));
        }
        try {
            return ask.answer().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime; // the query's own exception, for the mappers that know it
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the scope revisions", e);
        }
    }

    private void readWhileOpen() {
        List<Ask> batch = new ArrayList<>();
        while (!closed) {
            try {
                Ask first = asks.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                break;
            }
            asks.drainTo(batch);
            answer(batch);
            batch.clear();
        }
        asks.drainTo(batch);
        batch.forEach(ask -> ask.answer().completeExceptionally(new IllegalStateException("the data layer is closed")));
    }

    private void answer(List<Ask> batch) {
        Set<String> scopes = new LinkedHashSet<>();
        batch.forEach(ask -> scopes.addAll(ask.scopes()));
        try {
            Map<String, Long> read = jdbi.withHandle(h -> revisions.read(h, new ArrayList<>(scopes)));
            batch.forEach(ask -> ask.answer().complete(read));
        } catch (RuntimeException e) {
            batch.forEach(ask -> ask.answer().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
