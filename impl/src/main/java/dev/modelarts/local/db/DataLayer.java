package dev.modelarts.local.db;

/**
 * The data layer over one database: the listing's read model, the writer that keeps it true,
 * and the DAOs, each given its collaborators. Closing it finishes the queued writes; close it
 * before the {@link Database}.
 */
public record DataLayer(GroupIndex listing, ImageDao images, ImageGroupDao groups, FaultRuleDao faultRules,
        AutoCloseable writer)
        implements AutoCloseable {

    public static DataLayer over(Database database) {
        RowMappers.register(database.jdbi());
        ScopeRevisions revisions = new ScopeRevisions();
        GroupRows rows = new GroupRows();
        GroupIndex listing = new GroupIndex(database.jdbi(), database.isExclusive(), revisions, rows);
        GroupCommit writes = new GroupCommit(database.jdbi(), revisions, rows, listing, database::afterCommit);
        return new DataLayer(listing,
                new ImageDao(database.jdbi(), writes, listing, new ImageWrites()),
                new ImageGroupDao(database.jdbi(), writes, rows),
                new FaultRuleDao(database.jdbi()),
                writes);
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (Exception e) {
            throw new IllegalStateException("the writer did not stop", e);
        }
    }
}
