package dev.modelarts.local.db;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scope revisions that listings over a shared database read, one query for every listing
 * that asked while the previous query ran: as exact as a query per listing, since a listing's
 * answer always comes from a query that started after it asked (so after every write a client
 * saw answered before it asked), and with far fewer queries under load.
 *
 * <p>A reader thread takes what has been asked, reads the union of the scopes (one query on the
 * primary key), and answers each asker; a failed read fails each of them with its exception.
 *
 * <p>An asker that must not wait (a hot read on Grizzly's I/O thread, {@link #readThen}) leaves
 * what to run once the read is done, and where: the reader hands it there (the I/O thread that
 * read the request) with the revisions it read, {@link #given} to that thread while it runs, so
 * that the request is answered from memory without a worker thread parked on the read, and the
 * reader is free for the next read at once. Where that is refused, the reader runs it itself; what
 * it runs must not wait either (the thread is marked {@code NoWait}), and never reads through
 * {@link #read} (which refuses a reader thread rather than have the readers wait for themselves).
 */
final class RevisionReads implements AutoCloseable {

    /** Either {@code answer} (a thread waits for it) or {@code then} (run by {@code where}). */
    private record Ask(List<String> scopes, CompletableFuture<Map<String, Long>> answer, Runnable then,
            Executor where) {
    }

    /** Revisions read after a request began, for the scopes it asked. */
    private record Given(List<String> scopes, Map<String, Long> revisions) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RevisionReads.class);
    /**
     * Reader threads, each taking what was asked when it came free. One, since it only reads and
     * hands over: a second, which had paid while a reader answered the requests itself, only
     * made the batches smaller (BENCHMARKS.md, "The answers back on their I/O threads").
     */
    static final int READERS = 1;

    private final Jdbi jdbi;
    private final ScopeRevisions revisions;
    private final BlockingQueue<Ask> asks = new LinkedBlockingQueue<>();
    private final List<Thread> readers = new ArrayList<>();
    private final ThreadLocal<Given> given = new ThreadLocal<>();
    private volatile boolean closed;

    RevisionReads(Jdbi jdbi, ScopeRevisions revisions) {
        this.jdbi = jdbi;
        this.revisions = revisions;
        for (int i = 0; i < READERS; i++) {
            Thread reader = new Thread(this::readWhileOpen, "scope-revision-reads-" + i);
            reader.setDaemon(true);
            reader.start();
            readers.add(reader);
        }
    }

    /** The revisions of {@code scopes} that have one, read after this call began. */
    Map<String, Long> read(List<String> scopes) {
        if (readers.contains(Thread.currentThread())) {
            throw new IllegalStateException("a revision reader cannot wait for the readers' reads");
        }
        Ask ask = new Ask(scopes, new CompletableFuture<>(), null, null);
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

    /**
     * Reads the revisions of {@code scopes} after this call began, then gives {@code then} to
     * {@code where} to run with them {@link #given} (a reader runs it if {@code where} refuses);
     * if the read fails, or the readers have stopped, it runs without them. Never waits.
     */
    void readThen(List<String> scopes, Runnable then, Executor where) {
        Ask ask = new Ask(scopes, null, then, where);
        asks.add(ask);
        if (closed && asks.remove(ask)) {
            then.run(); // the readers have stopped and will not
        }
    }

    /**
     * On the thread that runs what {@link #readThen} left, while it runs: the revisions read for
     * it, if they cover {@code scopes}; null at any other time, or for other scopes.
     */
    Map<String, Long> given(List<String> scopes) {
        Given held = given.get();
        return held != null && held.scopes().containsAll(scopes) ? held.revisions() : null;
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
        fail(batch, new IllegalStateException("the data layer is closed"));
    }

    private void answer(List<Ask> batch) {
        Set<String> scopes = new LinkedHashSet<>();
        batch.forEach(ask -> scopes.addAll(ask.scopes()));
        Map<String, Long> read;
        try {
            read = jdbi.withHandle(h -> revisions.read(h, new ArrayList<>(scopes)));
        } catch (RuntimeException e) {
            fail(batch, e);
            return;
        }
        for (Ask ask : batch) {
            if (ask.answer() != null) {
                ask.answer().complete(read); // the waiting threads first: they run beside this reader
            }
        }
        for (Ask ask : batch) {
            if (ask.then() != null) {
                handOver(ask, new Given(ask.scopes(), read));
            }
        }
    }

    private void fail(List<Ask> batch, RuntimeException e) {
        for (Ask ask : batch) {
            if (ask.answer() != null) {
                ask.answer().completeExceptionally(e);
            } else {
                handOver(ask, null); // without revisions given, it is asked again where waiting is allowed
            }
        }
    }

    /** Gives what an asker left to its thread, with the revisions read for it; runs it here if refused. */
    private void handOver(Ask ask, Given read) {
        Runnable task = () -> run(ask.then(), read);
        try {
            ask.where().execute(task);
        } catch (RuntimeException refused) { // its thread has stopped: the server is stopping
            task.run();
        }
    }

    /**
     * What an asker left runs to its end; its failure is its own (it answers its request), and
     * never stops the thread that runs it (a reader, which the listings over the shared database
     * wait for, or an I/O thread).
     */
    private void run(Runnable then, Given read) {
        if (read != null) {
            given.set(read);
        }
        try {
            then.run();
        } catch (RuntimeException | Error e) {
            LOG.error("a read left to the revision reader failed", e);
        } finally {
            given.remove();
        }
    }

    @Override
    public void close() {
        closed = true;
        readers.forEach(Thread::interrupt);
        try {
            for (Thread reader : readers) {
                reader.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
