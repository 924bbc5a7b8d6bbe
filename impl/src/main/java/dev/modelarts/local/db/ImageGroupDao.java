package dev.modelarts.local.db;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import dev.modelarts.local.core.GroupFilter;
import dev.modelarts.local.core.Page;

/**
 * Reads and changes image groups. The listing reads only image_groups, whose aggregates every
 * write keeps up to date; it never aggregates the images table.
 */
public final class ImageGroupDao {

    /** The listing's order; the trailing id makes it total, so paging is stable. */
    private static final String ORDER = " order by update_at desc, namespace, name, id";

    private final Jdbi jdbi;

    public ImageGroupDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * One page of the groups that match {@code filter}, with the filtered total. The count and
     * the page come from one snapshot, so they agree even while others write.
     */
    public GroupPage list(GroupFilter filter, int limit, long offset) {
        SqlWhere where = new SqlWhere()
                .visibleTo(filter.projectId(), filter.workspaceId(), filter.type())
                .name(filter.name(), filter.nameFuzzy())
                .equal("namespace", filter.namespace())
                .equal("swr_instance_id", filter.swrInstanceId());
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            Map<String, Object> counts = where.bind(handle.createQuery(
                    "select count(*) as total, count(swr_instance_id) as enterprise from image_groups"
                            + where.sql())).mapToMap().one();
            long total = ((Number) counts.get("total")).longValue();
            boolean enterprise = ((Number) counts.get("enterprise")).longValue() > 0;

            List<GroupRow> rows = List.of();
            if (offset < total) {
                rows = where.bind(handle.createQuery("select " + RowMappers.GROUP_COLUMNS + " from image_groups"
                                + where.sql() + ORDER + " limit :limit offset :offset"))
                        .bind("limit", limit).bind("offset", offset)
                        .map(RowMappers.GROUP).list();
            }
            return new GroupPage(new Page<>(rows, total, limit, offset), enterprise);
        });
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
        return jdbi.inTransaction(h -> {
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
            return find(h, id, false);
        });
    }

    /**
     * Deletes a group and every image in it.
     *
     * @return the group as it was, or empty when it does not exist
     */
    public Optional<GroupRow> delete(String id) {
        return jdbi.inTransaction(h -> {
            Optional<GroupRow> group = find(h, id, true);
            if (group.isPresent()) {
                h.createUpdate("delete from images where group_id = :id").bind("id", id).execute();
                h.createUpdate("delete from image_groups where id = :id").bind("id", id).execute();
            }
            return group;
        });
    }
}
