package dev.modelarts.local.db;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.core.ImageFilter;
import dev.modelarts.local.core.ImageSort;
import dev.modelarts.local.core.Page;

/**
 * Reads and writes images, keeping each group's aggregates (version_count, create_at,
 * update_at) equal to what its images say, in the same transaction as the change. Every write
 * locks the group row first, so writers to one group queue up and each sees the others' images.
 */
public final class ImageDao {

    private final Jdbi jdbi;

    public ImageDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The id a BUILD_IN group gets: derived from its key, so that the built-in catalog has the
     * same ids in every database and on every start.
     */
    public static String builtInGroupId(String namespace, String name) {
        return nameBasedId("group:" + namespace + "/" + name);
    }

    /** The id a BUILD_IN image gets: derived from its SWR path, like its group's. */
    public static String builtInImageId(String swrPath) {
        return nameBasedId("image:" + swrPath);
    }

    private static String nameBasedId(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** An image to insert, with the details its group gets if it is new. */
    public record NewImage(ImageRow image, GroupDetails group) {
    }

    public Optional<ImageRow> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("select " + RowMappers.IMAGE_COLUMNS + " from images where id = :id")
                .bind("id", id).map(RowMappers.IMAGE).findOne());
    }

    /** One page of the images that match {@code filter}, in {@code sort} order, with the total. */
    public Page<ImageRow> list(ImageFilter filter, ImageSort sort, int limit, long offset) {
        SqlWhere where = new SqlWhere()
                .visibleTo(filter.projectId(), filter.workspaceId(), filter.type())
                .name(filter.name(), filter.nameFuzzy())
                .equal("namespace", filter.namespace())
                .equal("service_type", filter.serviceType())
                .equal("show_name", filter.showName())
                .equal("show_tag", filter.showTag());
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            long total = where.bind(h.createQuery("select count(*) from images" + where.sql()))
                    .mapTo(Long.class).one();
            List<ImageRow> rows = List.of();
            if (offset < total) {
                rows = where.bind(h.createQuery("select " + RowMappers.IMAGE_COLUMNS + " from images"
                                + where.sql() + sort.orderBy() + " limit :limit offset :offset"))
                        .bind("limit", limit).bind("offset", offset)
                        .map(RowMappers.IMAGE).list();
            }
            return new Page<>(rows, total, limit, offset);
        });
    }

    /**
     * Inserts, in one transaction, those of {@code images} whose id is not stored yet.
     *
     * @return how many were inserted
     */
    public int insertMissing(List<NewImage> images) {
        return jdbi.inTransaction(h -> {
            Set<String> stored = new HashSet<>(h.createQuery("select id from images where id in (<ids>)")
                    .bindList("ids", images.stream().map(i -> i.image().id()).toList())
                    .mapTo(String.class).list());
            int inserted = 0;
            for (NewImage image : images) {
                if (!stored.contains(image.image().id())) {
                    insert(h, image.image(), image.group());
                    inserted++;
                }
            }
            return inserted;
        });
    }

    /**
     * Inserts an image into its group, creating the group (with {@code details}) when it is new.
     *
     * @return the image as stored, with its group id
     * @throws DuplicateImageException when the group already has the image's tag
     */
    public ImageRow insert(ImageRow image, GroupDetails details) {
        return jdbi.inTransaction(h -> insert(h, image, details));
    }

    /**
     * Deletes an image; its group loses a version, and goes when it was the last one.
     *
     * @return the image as it was, or empty when it does not exist
     */
    public Optional<ImageRow> delete(String id, long changedAt) {
        return jdbi.inTransaction(h -> {
            Optional<String> groupId = h.createQuery("select group_id from images where id = :id")
                    .bind("id", id).mapTo(String.class).findOne();
            if (groupId.isEmpty()) {
                return Optional.empty();
            }
            lockGroup(h, groupId.get());
            // read again under the group's lock: a concurrent delete may have won
            Optional<ImageRow> image = h.createQuery("select " + RowMappers.IMAGE_COLUMNS
                            + " from images where id = :id")
                    .bind("id", id).map(RowMappers.IMAGE).findOne();
            if (image.isEmpty()) {
                return image;
            }
            h.createUpdate("delete from images where id = :id").bind("id", id).execute();
            refreshAggregates(h, groupId.get(), changedAt);
            h.createUpdate("delete from image_groups where id = :id and version_count = 0")
                    .bind("id", groupId.get()).execute();
            return image;
        });
    }

    private static ImageRow insert(Handle h, ImageRow image, GroupDetails details) {
        String groupId = lockOrCreateGroup(h, image, details);
        ImageRow stored = image.withGroupId(groupId);
        try {
            insertImageRow(h, stored);
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                throw new DuplicateImageException(image.tag(), image.namespace() + "/" + image.name(), e);
            }
            throw e;
        }
        refreshAggregates(h, groupId, image.updateAt());
        return stored;
    }

    /** SQLState 23505 is a unique violation on H2 and PostgreSQL alike. */
    private static boolean isUniqueViolation(UnableToExecuteStatementException e) {
        return e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
    }

    private static void insertImageRow(Handle h, ImageRow stored) {
        h.createUpdate("insert into images (id, group_id, scope, type, project_id, workspace_id,"
                        + " namespace, name, tag, swr_path, arch, origin, service_type, status,"
                        + " status_message, visibility, description, resource_categories,"
                        + " support_res_categories, dev_services, image_size, flavor_type,"
                        + " swr_instance_id, show_name, show_tag, create_at, update_at, tags)"
                        + " values (:id, :groupId, :scope, :type, :projectId, :workspaceId,"
                        + " :namespace, :name, :tag, :swrPath, :arch, :origin, :serviceType, :status,"
                        + " :statusMessage, :visibility, :description, :resourceCategories,"
                        + " :supportResCategories, :devServices, :size, :flavorType,"
                        + " :swrInstanceId, :showName, :showTag, :createAt, :updateAt, :tags)")
                .bindMethods(stored)
                .bind("resourceCategories", RowMappers.join(stored.resourceCategories()))
                .bind("supportResCategories", RowMappers.join(stored.supportResCategories()))
                .bind("devServices", RowMappers.join(stored.devServices()))
                .bind("tags", Tag.toJson(stored.tags()))
                .execute();
    }

    private static String lockOrCreateGroup(Handle h, ImageRow image, GroupDetails details) {
        Optional<String> existing = lockGroupByKey(h, image);
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = ImageType.BUILD_IN.toString().equals(image.type())
                ? builtInGroupId(image.namespace(), image.name())
                : UUID.randomUUID().toString();
        // A concurrent writer may create the same group first: then this insert does nothing
        // and the lock below finds that writer's row.
        h.createUpdate("insert into image_groups (id, scope, type, project_id, workspace_id, namespace,"
                        + " name, description, read_me, icon_name, swr_instance_id, swr_instance_name,"
                        + " version_count, create_at, update_at)"
                        + " values (:id, :scope, :type, :projectId, :workspaceId, :namespace, :name,"
                        + " :description, :readMe, :iconName, :swrInstanceId, :swrInstanceName,"
                        + " 0, :createAt, :updateAt)"
                        + " on conflict do nothing")
                .bind("id", id)
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
        return lockGroupByKey(h, image).orElseThrow(() -> new IllegalStateException(
                "image group " + image.namespace() + "/" + image.name() + " vanished while being created"));
    }

    private static Optional<String> lockGroupByKey(Handle h, ImageRow image) {
        return h.createQuery("select id from image_groups"
                        + " where scope = :scope and namespace = :namespace and name = :name for update")
                .bind("scope", image.scope())
                .bind("namespace", image.namespace())
                .bind("name", image.name())
                .mapTo(String.class)
                .findOne();
    }

    private static void lockGroup(Handle h, String groupId) {
        h.createQuery("select id from image_groups where id = :id for update")
                .bind("id", groupId).mapTo(String.class).findOne();
    }

    /** Recomputes a group's aggregates from its images; {@code changedAt} is the change's time. */
    private static void refreshAggregates(Handle h, String groupId, long changedAt) {
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
