package dev.modelarts.local.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.GroupPage;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.Scopes;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestImages;
import dev.modelarts.local.threads.NoWait;

/**
 * The data layer on a thread that must not wait (the I/O thread answering a hot read): what it
 * holds in memory it gives, anything that would ask the database or wait for the writer is
 * refused before it starts, and nothing is changed by a refusal. Over PostgreSQL in the exact
 * mode, the scope revisions are a step left to the revision reader, which asks again.
 */
@Tag(TestDatabase.BOTH)
class NoWaitReadsTest {

    @TempDir
    Path dir;
    private Database database;
    private DataLayer data;
    private NoWait noWait;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabase.fresh(dir));
        data = DataLayer.over(database);
        noWait = database.noWait();
    }

    @AfterEach
    void close() {
        data.close();
        database.close();
    }

    private <T> T marked(Supplier<T> read) {
        try (NoWait.Marked mark = noWait.mark()) {
            return read.get();
        }
    }

    private GroupPage listed() {
        return data.listing().list(GroupFilter.visibleTo("p1", "0"), 10, 0);
    }

    @Test
    void aMarkedThreadGetsNoConnectionAndTheMarkComesOffWhenClosed() {
        assertThatThrownBy(() -> marked(() -> database.jdbi().withHandle(h -> (Integer) 1))).isInstanceOf(NoWait.WouldWait.class);
        assertThat(noWait.marked()).isFalse();
        int one = database.jdbi().withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one());
        assertThat(one).as("unmarked, as before").isEqualTo(1);
    }

    @Test
    void aListingIsGivenOnAMarkedThreadOnlyOnceItsScopesAreInMemory() throws Exception {
        data.images().insert(TestImages.dedicated("p1", "0", "team", "app", "v1", 1_000), GroupDetails.NONE);

        assertThatThrownBy(() -> marked(this::listed)).as("the scope is not loaded yet").isInstanceOf(NoWait.WouldWait.class);
        GroupPage loaded = listed();
        if (fromMemory()) {
            assertThat(marked(this::listed)).isEqualTo(loaded);
        } else {
            // PostgreSQL's exact mode asks for the revisions on every listing: read without the
            // marked thread waiting, then the listing is asked again where they were read
            NoWait.WouldWait wait = catchThrowableOfType(NoWait.WouldWait.class, () -> marked(this::listed));
            assertThat(wait.later()).isNotNull();
            assertThat(askedAgainLater(wait.later())).isEqualTo(loaded);
        }
    }

    @Test
    void aListingAskedAgainAfterTheRevisionsWereReadSeesAWriteAnsweredBeforeItWasAsked() throws Exception {
        data.images().insert(TestImages.dedicated("p1", "0", "team", "app", "v1", 1_000), GroupDetails.NONE);
        listed();
        Assumptions.assumeFalse(fromMemory(), "over a shared database, in the exact mode");
        NoWait.WouldWait wait = catchThrowableOfType(NoWait.WouldWait.class, () -> marked(this::listed));

        // another instance's write: it changes the scope's revision, not this process's copy
        database.jdbi().useHandle(h -> h.execute("update scope_revisions set revision = revision + 1 where scope = ?",
                Scopes.dedicated("p1", "0")));

        assertThatThrownBy(() -> askedAgainLater(wait.later()))
                .as("the copy is behind the revision read: loading it is a wait, for a worker thread")
                .hasCauseInstanceOf(NoWait.WouldWait.class);
        assertThat(listed().page().total()).as("on a worker thread, loaded again").isEqualTo(1);
    }

    /**
     * Runs the listing, marked, once {@code later} is done, on a thread of its own (as the edge
     * names the request's I/O thread), and waits for it here.
     */
    private GroupPage askedAgainLater(NoWait.Later later) throws Exception {
        CompletableFuture<GroupPage> again = new CompletableFuture<>();
        ExecutorService requestThread = Executors.newSingleThreadExecutor();
        try {
            later.then(() -> {
                try {
                    again.complete(marked(this::listed));
                } catch (RuntimeException e) {
                    again.completeExceptionally(e);
                }
            }, requestThread);
            return again.get(10, TimeUnit.SECONDS);
        } finally {
            requestThread.shutdownNow();
        }
    }

    private boolean fromMemory() {
        return database.isExclusive() || database.readsNotified();
    }

    @Test
    void aWriteOnAMarkedThreadIsRefusedBeforeItIsQueuedAndChangesNothing() {
        ImageRow image = TestImages.dedicated("p1", "0", "team", "app", "v1", 1_000);

        assertThatThrownBy(() -> marked(() -> data.images().insert(image, GroupDetails.NONE)))
                .isInstanceOf(NoWait.WouldWait.class);
        assertThat(data.images().count()).isZero();
        assertThat(listed().page().total()).isZero();
    }

    @Test
    void anImageIsShownOnAMarkedThreadOnlyOnceItIsKept() throws InterruptedException {
        ImageRow stored = data.images().insert(TestImages.dedicated("p1", "0", "team", "app", "v1", 1_000),
                GroupDetails.NONE);

        assertThatThrownBy(() -> marked(() -> data.images().find(stored.id()))).isInstanceOf(NoWait.WouldWait.class);
        if (fromMemory()) {
            assertThat(shownMarkedOnceKept(stored.id())).contains(stored);
        }
    }

    /**
     * Shows the image unmarked until a marked read is given it: a row is kept only when read
     * while the writer rests, and the writer may still be finishing the insert's batch.
     */
    private Optional<ImageRow> shownMarkedOnceKept(String id) throws InterruptedException {
        for (int tries = 0; tries < 100; tries++) {
            data.images().find(id);
            try {
                return marked(() -> data.images().find(id));
            } catch (NoWait.WouldWait notKeptYet) {
                Thread.sleep(10);
            }
        }
        throw new AssertionError("the image was never kept");
    }
}
