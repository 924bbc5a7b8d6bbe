package dev.modelarts.local.db;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import dev.modelarts.local.core.GroupFilter;

/**
 * Reads and changes image groups. The listing is served by the {@link GroupIndex}, the in-memory
 * copy of image_groups; changes go through the {@link GroupCommit}, which keeps that copy up to date.
 */
public final class ImageGroupDao {

    private final Jdbi jdbi;
    private final GroupIndex index;
    private final GroupCommit writes;

    public ImageGroupDao(Database database) {
        this.jdbi = database.jdbi();
        this.index = database.groupIndex();
        this.writes = database.writes();
    }

    /**
     * One page of the groups that match {@code filter}, with the filtered total. The count and
     * the page come from one state of each visible scope, so they agree even while others write.
     */
    public GroupPage list(GroupFilter filter, int limit, long offset) {
        return index.list(filter, limit, offset);
    }

    public Optional<GroupRow> find(String id) {
        return jdbi.withHandle(h -> find(h, id, false));
    }

    static Optional<GroupRow> find(Handle h, String id, boolean forUpdate) {
        return h.createQuery("select " + RowMappers.GROUP_COLUMNS + " from image_groups where id = :id"
                        + (forUpdate ? " for update" : ""))
                .bind("id", id).map(RowMappers.GROUP).findOne();
    }

    /**
     * Sets a group's README and/or tags (null leaves a field as it is) and marks the change.
     *
     * @return the group after the change, or empty when it does not exist
     */
    public Optional<GroupRow> updateDetails(String id, String readMe, List<Tag> tags, long changedAt) {
        return writes.run("", (h, changed) -> {
            Optional<GroupRow> group = find(h, id, true);
            if (group.isEmpty()) {
                return group;
            }
            String set = (readMe != null ? " read_me = :readMe," : "")
                    + (tags != null ? " tags = :tags," : "")
                    + " update_at = greatest(update_at, :changedAt)";
            h.createUpdate("update image_groups set" + set + " where id = :id")
                    .bind("id", id)
                    .bind("readMe", readMe)
                    .bind("tags", Tag.toJson(tags))
                    .bind("changedAt", changedAt)
                    .execute();
            changed.add(group.get().scope(), id);
            return find(h, id, false);
        });
    }

    /**
     * Deletes a group and every image in it.
     *
     * @return the group as it was, or empty when it does not exist
     */
    public Optional<GroupRow> delete(String id) {
        return writes.run("", (h, changed) -> {
            Optional<GroupRow> group = find(h, id, true);
            if (group.isPresent()) {
                h.createUpdate("delete from images where group_id = :id").bind("id", id).execute();
                h.createUpdate("delete from image_groups where id = :id").bind("id", id).execute();
                changed.add(group.get().scope(), id);
            }
            return group;
        });
    }
}
