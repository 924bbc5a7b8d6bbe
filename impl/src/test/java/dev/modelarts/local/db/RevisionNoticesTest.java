package dev.modelarts.local.db;

import static dev.modelarts.local.testing.TestImages.dedicated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.config.DatabaseSettings.SharedReads;
import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.Scopes;
import dev.modelarts.local.testing.Await;
import dev.modelarts.local.testing.TestDatabase;

/**
 * The notified mode over PostgreSQL: the revisions pushed by LISTEN/NOTIFY, what the listing asks
 * the database in each mode, and what a lost listening connection does.
 */
@Tag(TestDatabase.BOTH)
class RevisionNoticesTest {

    private static final String P = "project-a";
    private static final String WS = "0";
    private static final String SCOPE = Scopes.dedicated(P, WS);
    private static final GroupFilter VISIBLE = GroupFilter.visibleTo(P, WS);
    private static final Duration HEARD_WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private DatabaseSettings settings;
    private Database writerDb;
    private DataLayer writer;

    @BeforeEach
    void open() {
        assumeTrue(TestDatabase.isPostgres(), "LISTEN/NOTIFY: the PostgreSQL run only");
        settings = TestDatabase.fresh(dir);
        writerDb = Database.open(settings);
        writer = DataLayer.over(writerDb);
    }

    @AfterEach
    void close() {
        if (writer != null) {
            writer.close();
            writerDb.close();
        }
    }

    @Test
    void everyCommittedRaiseIsHeardAndThoseBeforeListeningAreReadAtItsStart() throws Exception {
        ScopeRevisions revisions = new ScopeRevisions(true);
        long before = writerDb.jdbi().inTransaction(h -> revisions.raise(h, "before"));
        try (RevisionNotices notices = new RevisionNotices(writerDb::openOwnConnection)) {
            assertThat(notices.awaitListening(10_000)).isTrue();
            assertThat(notices.known()).containsEntry("before", before);
            long last = 0;
            for (int i = 0; i < 50; i++) {
                last = writerDb.jdbi().inTransaction(h -> revisions.raise(h, "after"));
            }
            long raised = last;
            Await.until(() -> notices.known().getOrDefault("after", 0L) == raised, HEARD_WITHIN, "the last raise heard");
        }
    }

    @Test
    void aRaiseWhileTheConnectionIsLostIsReadWhenItIsBackEachTime() throws Exception {
        ScopeRevisions revisions = new ScopeRevisions(true);
        try (RevisionNotices notices = new RevisionNotices(writerDb::openOwnConnection)) {
            for (int loss = 1; loss <= 2; loss++) {
                assertThat(notices.awaitListening(10_000)).as("listening before loss %d", loss).isTrue();
                int ended = writerDb.jdbi().withHandle(h -> h.createQuery("select count(pg_terminate_backend(pid))"
                        + " from pg_stat_activity where application_name = :name and datname = current_database()")
                        .bind("name", Database.OWN_CONNECTION_NAME).mapTo(Integer.class).one());
                assertThat(ended).as("the listening connection, found by its name").isEqualTo(1);
                // a raise not heard: no connection listens now, or the new one has not read yet
                long raised = writerDb.jdbi().inTransaction(h -> revisions.raise(h, "while-lost"));
                Await.until(() -> notices.known() != null && notices.known().getOrDefault("while-lost", 0L) == raised,
                        HEARD_WITHIN, "listening again after loss " + loss + ", with the raise made while it was lost");
            }
        }
    }

    @Test
    void aNotifiedListingAsksTheDatabaseNothingAndSeesAnotherInstancesWrite() throws Exception {
        try (Database readerDb = Database.open(settings.withSharedReads(SharedReads.notified));
                DataLayer reader = DataLayer.over(readerDb)) {
            writer.images().insert(dedicated(P, WS, "team", "first", "v1", 1_000L), GroupDetails.NONE);
            assertThat(reader.listing().notices().awaitListening(10_000)).isTrue();
            Await.until(() -> names(reader).contains("first"), HEARD_WITHIN, "the first write seen");
            AtomicInteger statements = countStatements(readerDb);
            for (int i = 0; i < 100; i++) {
                assertThat(names(reader)).containsExactly("first");
            }
            assertThat(statements.get()).as("statements of 100 listings with nothing written").isZero();

            writer.images().insert(dedicated(P, WS, "team", "second", "v1", 2_000L), GroupDetails.NONE);
            Await.until(() -> names(reader).contains("second"), HEARD_WITHIN, "another instance's write seen once heard");
        }
    }

    @Test
    void anExactListingAsksTheRevisionsEveryTime() {
        try (Database readerDb = Database.open(settings);
                DataLayer reader = DataLayer.over(readerDb)) {
            writer.images().insert(dedicated(P, WS, "team", "first", "v1", 1_000L), GroupDetails.NONE);
            assertThat(names(reader)).containsExactly("first");
            AtomicInteger statements = countStatements(readerDb);
            for (int i = 0; i < 10; i++) {
                assertThat(names(reader)).containsExactly("first");
            }
            assertThat(statements.get()).as("one revision read per listing, none shared here").isEqualTo(10);
            writer.images().insert(dedicated(P, WS, "team", "second", "v1", 2_000L), GroupDetails.NONE);
            assertThat(names(reader)).as("the next listing sees the write").contains("first", "second");
        }
    }

    private static List<String> names(DataLayer layer) {
        return layer.listing().list(VISIBLE, 100, 0).page().items().stream()
                .filter(g -> g.scope().equals(SCOPE)).map(g -> g.name()).toList();
    }

    private static AtomicInteger countStatements(Database database) {
        AtomicInteger count = new AtomicInteger();
        database.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext ctx) {
                count.incrementAndGet();
            }
        });
        return count;
    }

}
