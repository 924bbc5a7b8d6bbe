package dev.modelarts.local.db;

import java.util.List;

import dev.modelarts.local.model.Ids;

/**
 * The data layer over one database: the listing's read model, the writer that keeps it true,
 * and the DAOs, each given its collaborators. Closing it finishes the queued writes; close it
 * before the {@link Database}.
 */
public record DataLayer(GroupIndex listing, ImageDao images, ImageGroupDao groups, FaultRuleDao faultRules,
        TransitionRuleDao transitionRules, ImageTransitionDao transitions, StateDao state,
        AutoCloseable writer)
        implements AutoCloseable {

    /**
     * How many rows the kept ListImage answers hold in all (some 1,000 pages of ten), and how
     * many images are kept by id: a few MiB each (an image row is about 0.5 KiB of objects).
     */
    private static final long KEPT_ROWS = 10_000;

    /** Over {@code database}, new ids from the machine's clock and a random generator. */
    public static DataLayer over(Database database) {
        return over(database, Ids.random());
    }

    /** @param ids where new groups' ids come from */
    public static DataLayer over(Database database, Ids ids) {
        RowMappers.register(database.jdbi());
        ScopeRevisions revisions = new ScopeRevisions(database.notifiesWrites());
        GroupRows rows = new GroupRows();
        RevisionNotices notices = database.readsNotified() ? new RevisionNotices(database::openOwnConnection) : null;
        // alone on its file, no other instance reads what a revision changed
        ScopeChanges changes = new ScopeChanges(!database.isExclusive());
        GroupIndex listing = new GroupIndex(database.jdbi(), database.isExclusive(), revisions, changes, rows, notices,
                database.noWait());
        GroupCommit writes = new GroupCommit(database.jdbi(), revisions, changes, rows, listing, database::afterCommit,
                database.noWait());
        ImageWrites imageWrites = new ImageWrites(ids);
        TransitionRows transitionRows = new TransitionRows();
        return new DataLayer(listing,
                new ImageDao(database.jdbi(), writes, listing, new ImagePages(writes::epoch, KEPT_ROWS),
                        new ImageListReads(database.jdbi()),
                        new ShownImages(writes::epoch, scope -> listing.current(List.of(scope)).get(0).revision(),
                                KEPT_ROWS),
                        imageWrites, transitionRows),
                new ImageGroupDao(database.jdbi(), writes, rows),
                new FaultRuleDao(database.jdbi()),
                new TransitionRuleDao(database.jdbi()),
                new ImageTransitionDao(database.jdbi(), writes, imageWrites, transitionRows),
                new StateDao(database.jdbi(), writes, transitionRows),
                writes);
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (Exception e) {
            throw new IllegalStateException("the writer did not stop", e);
        } finally {
            listing.close();
        }
    }
}
