package dev.modelarts.local.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.testing.TestDatabase;

/**
 * Revision reads shared by concurrent listings stay exact: a read always sees every revision
 * committed before it asked, however many readers share its query, whether its asker waits for
 * it or leaves what to run once it is done.
 */
@Tag(TestDatabase.BOTH)
class RevisionReadsTest {

    @TempDir
    Path dir;

    @Test
    void aReadSeesEveryRevisionCommittedBeforeItAsked() throws Exception {
        try (Database database = Database.open(TestDatabase.fresh(dir))) {
            Jdbi jdbi = database.jdbi();
            ScopeRevisions revisions = new ScopeRevisions();
            ExecutorService threads = Executors.newFixedThreadPool(16);
            try (RevisionReads reads = new RevisionReads(jdbi, revisions)) {
                List<Future<Integer>> checked = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    String scope = "scope-" + (t % 4);
                    checked.add(threads.submit(() -> {
                        int n = 0;
                        for (int i = 0; i < 150; i++) {
                            long raised = jdbi.inTransaction(h -> revisions.raise(h, scope));
                            long seen = reads.read(List.of(scope, "never-written")).getOrDefault(scope, 0L);
                            assertThat(seen).as("read after the raise to %d committed", raised).isGreaterThanOrEqualTo(raised);
                            n++;
                        }
                        return n;
                    }));
                }
                for (Future<Integer> thread : checked) {
                    assertThat(thread.get()).isEqualTo(150);
                }
                assertThat(reads.read(List.of("scope-0")).get("scope-0")).isEqualTo(4L * 150);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void aReadLeftToTheReaderRunsWhereItWasToldWithRevisionsReadAfterItWasAsked() throws Exception {
        try (Database database = Database.open(TestDatabase.fresh(dir))) {
            Jdbi jdbi = database.jdbi();
            ScopeRevisions revisions = new ScopeRevisions();
            ExecutorService requestThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "the-request-thread"));
            try (RevisionReads reads = new RevisionReads(jdbi, revisions)) {
                for (int i = 1; i <= 50; i++) {
                    long raised = jdbi.inTransaction(h -> revisions.raise(h, "a"));
                    CompletableFuture<Map<String, Long>> given = new CompletableFuture<>();
                    CompletableFuture<Map<String, Long>> notAsked = new CompletableFuture<>();
                    CompletableFuture<String> ranOn = new CompletableFuture<>();
                    reads.readThen(List.of("a", "b"), () -> {
                        given.complete(reads.given(List.of("a")));
                        notAsked.complete(reads.given(List.of("a", "c")));
                        ranOn.complete(Thread.currentThread().getName());
                    }, requestThread);
                    assertThat(given.get(10, TimeUnit.SECONDS)).containsEntry("a", raised);
                    assertThat(notAsked.get()).as("c was not asked for").isNull();
                    assertThat(ranOn.get()).isEqualTo("the-request-thread");
                    assertThat(requestThread.submit(() -> reads.given(List.of("a"))).get())
                            .as("given only while what was left runs").isNull();
                }
            } finally {
                requestThread.shutdownNow();
            }
        }
    }

    @Test
    void aReadWhoseThreadRefusesRunsOnTheReaderWhichNeverWaitsForItself() throws Exception {
        try (Database database = Database.open(TestDatabase.fresh(dir))) {
            Jdbi jdbi = database.jdbi();
            ScopeRevisions revisions = new ScopeRevisions();
            try (RevisionReads reads = new RevisionReads(jdbi, revisions)) {
                long raised = jdbi.inTransaction(h -> revisions.raise(h, "a"));
                CompletableFuture<Map<String, Long>> given = new CompletableFuture<>();
                CompletableFuture<Throwable> readThere = new CompletableFuture<>();
                reads.readThen(List.of("a"), () -> {
                    given.complete(reads.given(List.of("a")));
                    readThere.complete(catchThrowable(() -> reads.read(List.of("a"))));
                }, task -> {
                    throw new RejectedExecutionException("stopped");
                });
                assertThat(given.get(10, TimeUnit.SECONDS)).containsEntry("a", raised);
                assertThat(readThere.get(10, TimeUnit.SECONDS)).as("the reader never waits for itself")
                        .isInstanceOf(IllegalStateException.class);
                assertThat(reads.given(List.of("a"))).as("on any other thread").isNull();
            }
        }
    }

    @Test
    void aReadLeftToAFailingOrClosedReaderStillRunsWithoutRevisions() throws Exception {
        Database database = Database.open(TestDatabase.fresh(dir));
        RevisionReads reads = new RevisionReads(database.jdbi(), new ScopeRevisions());
        database.close();
        CompletableFuture<Map<String, Long>> failed = new CompletableFuture<>();
        reads.readThen(List.of("a"), () -> failed.complete(reads.given(List.of("a"))), Runnable::run);
        assertThat(failed.get(10, TimeUnit.SECONDS)).as("the query failed: asked again where it may wait").isNull();
        reads.close();
        CompletableFuture<Map<String, Long>> closed = new CompletableFuture<>();
        reads.readThen(List.of("a"), () -> closed.complete(reads.given(List.of("a"))), Runnable::run);
        assertThat(closed.get(10, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aFailedQueryFailsItsReadersWithItsOwnException() {
        Database database = Database.open(TestDatabase.fresh(dir));
        try (RevisionReads reads = new RevisionReads(database.jdbi(), new ScopeRevisions())) {
            assertThat(reads.read(List.of("a"))).isEmpty();
            database.close();
            assertThatThrownBy(() -> reads.read(List.of("a"))).isNotInstanceOf(IllegalStateException.class)
                    .isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void aClosedReaderRefuses() {
        try (Database database = Database.open(TestDatabase.fresh(dir))) {
            RevisionReads reads = new RevisionReads(database.jdbi(), new ScopeRevisions());
            reads.close();
            assertThatThrownBy(() -> reads.read(List.of("a"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }
}
