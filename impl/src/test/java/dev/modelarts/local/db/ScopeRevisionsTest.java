package dev.modelarts.local.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.testing.TestDatabase;

/**
 * A raise returns the revision it wrote, from the first raise of a scope never written on: the
 * listing and the other instances number a scope's changes by it.
 */
@Tag(TestDatabase.BOTH)
class ScopeRevisionsTest {

    @TempDir
    Path dir;

    @Test
    void raisesOfANewScopeReturnOneTwoThreeAndTheReadAgrees() {
        try (Database database = Database.open(TestDatabase.fresh(dir))) {
            Jdbi jdbi = database.jdbi();
            ScopeRevisions revisions = new ScopeRevisions();
            assertThat(read(jdbi, revisions, "p/w")).isZero();
            for (long expected = 1; expected <= 3; expected++) {
                long raised = jdbi.inTransaction(h -> revisions.raise(h, "p/w"));
                assertThat(raised).isEqualTo(expected);
            }
            assertThat(read(jdbi, revisions, "p/w")).isEqualTo(3L);
            assertThat(read(jdbi, revisions, "p/other")).as("another scope").isZero();
        }
    }

    @Test
    void concurrentRaisesEachReturnARevisionOfTheirOwn() throws Exception {
        try (Database database = Database.open(TestDatabase.fresh(dir))) {
            Jdbi jdbi = database.jdbi();
            ScopeRevisions revisions = new ScopeRevisions();
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<Long>>> raised = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    raised.add(threads.submit(() -> {
                        List<Long> mine = new ArrayList<>();
                        for (int i = 0; i < 50; i++) {
                            mine.add(jdbi.inTransaction(h -> revisions.raise(h, "shared")));
                        }
                        return mine;
                    }));
                }
                Set<Long> all = new HashSet<>();
                for (Future<List<Long>> thread : raised) {
                    all.addAll(thread.get());
                }
                assertThat(all).as("400 raises, 400 distinct revisions: 1 to 400").hasSize(400)
                        .allSatisfy(revision -> assertThat(revision).isBetween(1L, 400L));
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static long read(Jdbi jdbi, ScopeRevisions revisions, String scope) {
        return jdbi.withHandle(h -> revisions.read(h, scope));
    }
}
