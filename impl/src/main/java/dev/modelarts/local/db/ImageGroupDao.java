package dev.modelarts.local.db;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.model.Tag;

/**
 * Reads and changes image groups. Changes go through the {@link GroupCommit}, which keeps the
 * listing ({@link GroupIndex}) up to date.
 */
public final class ImageGroupDao {

    private final Jdbi jdbi;
    private final GroupCommit writes;
    private final GroupRows rows;

    ImageGroupDao(Jdbi jdbi, GroupCommit writes, GroupRows rows) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.rows = rows;
    }

    public Optional<GroupRow> find(String id) {
        return jdbi.withHandle(h -> rows.find(h, id, false));
    }

    /**
     * Sets a group's README and/or tags (null leaves a field as it is) and marks the change.
     *
     * @return the group after the change, or empty when it does not exist
     */
    public Optional<GroupRow> updateDetails(String id, String readMe, List<Tag> tags, long changedAt) {
        return writes.run("", (h, changed) -> {
            Optional<GroupRow> group = rows.find(h, id, true);
            if (group.isEmpty()) {
                changed.none();
                return group;
            }
            String set = (readMe != null ? " read_me = :readMe," : "")
                    + (tags != null ? " tags = :tags," : "")
                    + " update_at = greatest(update_at, :changedAt)";
            h.createUpdate("update image_groups set" + set + " where id = :id")
                    .bind("id", id)
                    .bind("readMe", readMe)
                    .bind("tags", TagsColumn.toJson(tags))
                    .bind("changedAt", changedAt)
                    .execute();
            changed.add(group.get().key());
            return rows.find(h, id, false);
        });
    }

    /**
     * Deletes a group and every image in it.
     *
     * @return the group as it was, or empty when it does not exist
     */
    public Optional<GroupRow> delete(String id) {
        return writes.run("", (h, changed) -> {
            Optional<GroupRow> group = rows.find(h, id, true);
            if (group.isPresent()) {
                h.createUpdate("delete from images where group_id = :id").bind("id", id).execute();
                h.createUpdate("delete from image_groups where id = :id").bind("id", id).execute();
                changed.add(group.get().key());
            } else {
                changed.none();
            }
            return group;
        });
    }
}
