package dev.modelarts.local.db;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Jdbi;

import dev.modelarts.local.listing.GroupListing;
import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.model.GroupKey;
import dev.modelarts.local.model.ImageFilter;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.ImageSort;
import dev.modelarts.local.model.Page;
import dev.modelarts.local.model.NewImage;
import dev.modelarts.local.model.Transition;

/**
 * Reads and writes images, keeping each group's aggregates (version_count, create_at,
 * update_at) equal to what its images say, in the same transaction as the change. Every write
 * locks the group row first, so writers to one group queue up and each sees the others' images.
 */
public final class ImageDao {

    private final Jdbi jdbi;
    private final GroupCommit writes;
    private final GroupIndex listing;
    private final ImageWrites rows;
    private final TransitionRows transitions;
    private final ImagePages pages;
    private final ImageListReads reads;
    private final ShownImages shown;

    ImageDao(Jdbi jdbi, GroupCommit writes, GroupIndex listing, ImagePages pages, ImageListReads reads,
            ShownImages shown, ImageWrites rows, TransitionRows transitions) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.listing = listing;
        this.pages = pages;
        this.reads = reads;
        this.shown = shown;
        this.rows = rows;
        this.transitions = transitions;
    }

    /** The image with this tag in a scope's group namespace/name. */
    public Optional<ImageRow> findByTag(String scope, String namespace, String name, String tag) {
        return jdbi.withHandle(h -> h.createQuery("select " + RowMappers.IMAGE_COLUMNS + " from images"
                        + " where scope = :scope and namespace = :namespace and name = :name and tag = :tag")
                .bind("scope", scope).bind("namespace", namespace).bind("name", name).bind("tag", tag)
                .mapTo(ImageRow.class).findOne());
    }

    /** How many image versions are stored, in every project (the built-in catalog's included). */
    public long count() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from images").mapTo(Long.class).one());
    }

    /** The image with this id: kept while its scope has not changed ({@link ShownImages}), otherwise read. */
    public Optional<ImageRow> find(String id) {
        return shown.find(id, key -> jdbi.withHandle(h -> rows.find(h, key)));
    }

    /**
     * One page of the images that match {@code filter}, in {@code sort} order, with the total:
     * the answer kept for the same question while its scopes have not changed
     * ({@link ImagePages}), otherwise read.
     */
    public Page<ImageRow> list(ImageFilter filter, ImageSort sort, int limit, long offset) {
        List<String> scopes = GroupListing.visibleScopes(filter.groups());
        // from memory, before a connection is taken: loading a scope into the index takes one
        return pages.answer(new ImagePages.Question(filter, sort, limit, offset), () -> listing.current(scopes),
                held -> reads.read(filter, sort, limit, offset, scopes, held));
    }

    /**
     * Inserts, in one transaction, those of {@code images} whose id is not stored yet.
     *
     * @return how many were inserted
     */
    public int insertMissing(List<NewImage> images) {
        return writes.run("", (h, changed) -> {
            Set<String> stored = new HashSet<>(h.createQuery("select id from images where id in (<ids>)")
                    .bindList("ids", images.stream().map(i -> i.image().id()).toList())
                    .mapTo(String.class).list());
            List<GroupKey> inserted = new ArrayList<>();
            for (NewImage image : images) {
                if (!stored.contains(image.image().id())) {
                    inserted.add(rows.insert(h, image.image(), image.group()).groupKey());
                }
            }
            changed.addAll(inserted);
            return inserted.size();
        });
    }

    /** How many images a bulk insert stored, and how many it found there already. */
    public record InsertCount(long inserted, long existing) {
    }

    /**
     * Inserts {@code images} in one transaction, each into its group (created when new, with its
     * details); an image whose scope, namespace, name and tag are stored already is counted and
     * left alone. Either all are stored or, on a failure, none.
     */
    public InsertCount insertAll(List<NewImage> images) {
        return writes.run("", (h, changed) -> {
            List<GroupKey> inserted = new ArrayList<>();
            long existing = 0;
            for (NewImage entry : images) {
                ImageRow image = entry.image();
                boolean stored = h.createQuery("select count(*) from images where scope = :scope"
                                + " and namespace = :namespace and name = :name and tag = :tag")
                        .bind("scope", image.scope()).bind("namespace", image.namespace())
                        .bind("name", image.name()).bind("tag", image.tag())
                        .mapTo(Long.class).one() > 0;
                if (stored) {
                    existing++;
                } else {
                    inserted.add(rows.insert(h, image, entry.group()).groupKey());
                }
            }
            changed.addAll(inserted);
            return new InsertCount(inserted.size(), existing);
        });
    }

    /** How many DEDICATED images and groups a reset deleted. */
    public record DeleteCount(long images, long groups) {
    }

    /**
     * Deletes every DEDICATED image and group, in one transaction; the BUILD_IN catalog stays.
     * Every changed scope's revision is raised, so other instances reload their listings.
     */
    public DeleteCount deleteAllDedicated() {
        return writes.run("", (h, changed) -> {
            List<GroupKey> groups = h.createQuery("select scope, id from image_groups where scope <> ''")
                    .map((rs, ctx) -> new GroupKey(rs.getString(1), rs.getString(2))).list();
            int images = h.createUpdate("delete from images where scope <> ''").execute();
            h.createUpdate("delete from image_groups where scope <> ''").execute();
            changed.addAll(groups);
            return new DeleteCount(images, groups.size());
        });
    }

    /**
     * Inserts an image into its group, creating the group (with {@code details}) when it is new.
     *
     * @return the image as stored, with its group id
     * @throws DuplicateImageException when the group already has the image's tag
     */
    public ImageRow insert(ImageRow image, GroupDetails details) {
        return insert(image, details, Optional.empty());
    }

    /** As {@link #insert(ImageRow, GroupDetails)}, the image starting on {@code transition} when given. */
    public ImageRow insert(ImageRow image, GroupDetails details, Optional<Transition> transition) {
        // registrations into one group have one key: a batch locks groups in key order
        return writes.run(image.scope() + "\n" + image.namespace() + "\n" + image.name(), (h, changed) -> {
            ImageRow stored = rows.insert(h, image, details);
            transition.ifPresent(t -> transitions.insert(h, t, t.timed() ? t.dueAfter(0) : null));
            changed.add(stored.groupKey());
            return stored;
        });
    }

    /**
     * Deletes an image; its group loses a version, and goes when it was the last one.
     *
     * @return the image as it was, or empty when it does not exist
     */
    public Optional<ImageRow> delete(String id, long changedAt) {
        return writes.run("", (h, changed) -> {
            Optional<String> groupId = h.createQuery("select group_id from images where id = :id")
                    .bind("id", id).mapTo(String.class).findOne();
            if (groupId.isEmpty()) {
                changed.none();
                return Optional.<ImageRow>empty();
            }
            rows.lockGroup(h, groupId.get());
            // read again under the group's lock: a concurrent delete may have won
            Optional<ImageRow> image = rows.find(h, id);
            if (image.isEmpty()) {
                changed.none();
                return image;
            }
            rows.delete(h, image.get(), changedAt);
            changed.add(image.get().groupKey());
            return image;
        });
    }
}
