package dev.modelarts.local.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.model.Ids;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.BuiltInIds;

/**
 * Writes of image rows inside a caller's transaction, each keeping its group's aggregates
 * (version_count, create_at, update_at) equal to what its images say. Every write locks the
 * group row first, so writers to one group queue up and each sees the others' images.
 */
final class ImageWrites {

    private static final String ADD_VERSION = "update image_groups set version_count = version_count + 1,"
            + " create_at = least(create_at, ?), update_at = greatest(update_at, ?)"
            + " where scope = ? and namespace = ? and name = ?";
    private static final String[] GROUP_ID = {"id"};

    private final Ids ids;

    /** @param ids where new groups' ids come from */
    ImageWrites(Ids ids) {
        this.ids = ids;
    }

    ImageRow insert(Handle h, ImageRow image, GroupDetails details) {
        String groupId = addVersionToGroup(h, image, details);
        ImageRow stored = image.withGroupId(groupId);
        try {
            RowMappers.insertImage(h, stored);
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                throw new DuplicateImageException(image.tag(), image.namespace() + "/" + image.name(), e);
            }
            throw e;
        }
        return stored;
    }

    /** SQLState 23505 is a unique violation on H2 and PostgreSQL alike. */
    private static boolean isUniqueViolation(UnableToExecuteStatementException e) {
        return e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
    }

    /**
     * Counts one more version into the image's group, creating the group when it is new, and
     * returns the group's id. The update locks the group's row until the transaction ends, so
     * writers to one group queue up; the aggregates follow without reading the group's images.
     * (An UPDATE rather than SELECT ... FOR UPDATE: H2 parses a FOR UPDATE query anew each time.)
     */
    private String addVersionToGroup(Handle h, ImageRow image, GroupDetails details) {
        Optional<String> counted = addVersion(h, image);
        if (counted.isPresent()) {
            return counted.get();
        }
        // A concurrent writer may create the same group first: then this insert does nothing
        // and the update below counts into that writer's row.
        h.createUpdate("insert into image_groups (id, scope, type, project_id, workspace_id, namespace,"
                        + " name, description, read_me, icon_name, swr_instance_id, swr_instance_name,"
                        + " version_count, create_at, update_at)"
                        + " values (:id, :scope, :type, :projectId, :workspaceId, :namespace, :name,"
                        + " :description, :readMe, :iconName, :swrInstanceId, :swrInstanceName,"
                        + " 0, :createAt, :updateAt)"
                        + " on conflict do nothing")
                .bind("id", image.type() == ImageType.BUILD_IN
                        ? BuiltInIds.group(image.namespace(), image.name())
                        : ids.next())
                .bind("scope", image.scope())
                .bind("type", image.type())
                .bind("projectId", image.projectId())
                .bind("workspaceId", image.workspaceId())
                .bind("namespace", image.namespace())
                .bind("name", image.name())
                .bind("description", details.description())
                .bind("readMe", details.readMe())
                .bind("iconName", details.iconName())
                .bind("swrInstanceId", image.swrInstanceId())
                .bind("swrInstanceName", details.swrInstanceName())
                .bind("createAt", image.createAt())
                .bind("updateAt", image.updateAt())
                .execute();
        return addVersion(h, image).orElseThrow(() -> new IllegalStateException(
                "image group " + image.namespace() + "/" + image.name() + " vanished while being created"));
    }

    /**
     * The group's id, when it exists and has counted the version: the updated row's id comes
     * back as the statement's generated key (RETURNING on PostgreSQL, H2's own on H2), which
     * saves a query per registration. Plain JDBC, as {@link RowMappers#insertImage}: through
     * Jdbi, binding by name and finding a mapper for the key were a third of this statement's
     * time on the one writer thread (BENCHMARKS.md).
     *
     * @throws UnableToExecuteStatementException as Jdbi's own statements do, the driver's
     *         {@link SQLException} its cause
     */
    private static Optional<String> addVersion(Handle h, ImageRow image) {
        try (PreparedStatement update = h.getConnection().prepareStatement(ADD_VERSION, GROUP_ID)) {
            update.setLong(1, image.createAt());
            update.setLong(2, image.updateAt());
            update.setString(3, image.scope());
            update.setString(4, image.namespace());
            update.setString(5, image.name());
            update.executeUpdate();
            try (ResultSet keys = update.getGeneratedKeys()) {
                return keys.next() ? Optional.of(keys.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /**
     * Deletes a stored image: its group loses a version and goes when it was the last one. Call
     * with the group's lock held.
     */
    void delete(Handle h, ImageRow image, long changedAt) {
        h.createUpdate("delete from images where id = :id").bind("id", image.id()).execute();
        refreshAggregates(h, image.groupId(), changedAt);
        h.createUpdate("delete from image_groups where id = :id and version_count = 0")
                .bind("id", image.groupId()).execute();
    }

    /** Sets an image's status (a step of its transition) at {@code changedAt}; its group changes then too. */
    void setStatus(Handle h, ImageRow image, String status, String statusMessage, long changedAt) {
        h.createUpdate("update images set status = :status, status_message = :message,"
                        + " update_at = greatest(update_at, :at) where id = :id")
                .bind("status", status).bind("message", statusMessage).bind("at", changedAt).bind("id", image.id())
                .execute();
        h.createUpdate("update image_groups set update_at = greatest(update_at, :at) where id = :id")
                .bind("at", changedAt).bind("id", image.groupId()).execute();
    }

    /** An image's row, read inside the caller's transaction. */
    Optional<ImageRow> find(Handle h, String id) {
        return h.createQuery("select " + RowMappers.IMAGE_COLUMNS + " from images where id = :id")
                .bind("id", id).mapTo(ImageRow.class).findOne();
    }

    void lockGroup(Handle h, String groupId) {
        h.createQuery("select id from image_groups where id = :id for update")
                .bind("id", groupId).mapTo(String.class).findOne();
    }

    /** Recomputes a group's aggregates from its images; {@code changedAt} is the change's time. */
    void refreshAggregates(Handle h, String groupId, long changedAt) {
        h.createUpdate("update image_groups set"
                        + " version_count = (select count(*) from images i where i.group_id = :id),"
                        + " create_at = coalesce((select min(i.create_at) from images i where i.group_id = :id),"
                        + " create_at),"
                        + " update_at = greatest(update_at, :changedAt)"
                        + " where id = :id")
                .bind("id", groupId)
                .bind("changedAt", changedAt)
                .execute();
    }
}
