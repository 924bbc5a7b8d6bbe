package dev.modelarts.local.db;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import dev.modelarts.local.listing.GroupListing;
import dev.modelarts.local.listing.ScopeGroups;
import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.model.GroupFilter;
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

    ImageDao(Jdbi jdbi, GroupCommit writes, GroupIndex listing, ImagePages pages, ImageWrites rows,
            TransitionRows transitions) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.listing = listing;
        this.pages = pages;
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

    public Optional<ImageRow> find(String id) {
        return jdbi.withHandle(h -> rows.find(h, id));
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
                held -> read(filter, sort, limit, offset, scopes, held));
    }

    /**
     * The page: each visible scope's rows in order (an index range on H2 and PostgreSQL alike
     * for the default order), at most offset + limit of them, merged. The total: when the filter
     * asks only what the groups know (type, name, namespace), the sum of the matching groups'
     * version counts, from the scopes' copies {@code held}; otherwise a count in SQL.
     */
    private Page<ImageRow> read(ImageFilter filter, ImageSort sort, int limit, long offset, List<String> scopes,
            List<ScopeGroups> held) {
        GroupFilter groups = filter.groups();
        SqlWhere where = new SqlWhere()
                .name(groups.name(), groups.nameFuzzy())
                .equal("namespace", groups.namespace())
                .equal("service_type", filter.serviceType())
                .equal("status", filter.status())
                .equal("show_name", filter.showName())
                .equal("show_tag", filter.showTag());
        // the columns each scope's rows share: naming them first in its ORDER BY lets H2 see that
        // an index on (scope[, status], update_at, id) is in that order already
        String scopeOrder = sort.orderBy(filter.status() == null ? List.of("scope") : List.of("scope", "status"));
        if (filter.onlyGroupFilters()) {
            long total = GroupListing.versionCount(held, groups.withSwrInstanceId(null));
            List<ImageRow> rows = offset < total
                    ? jdbi.withHandle(h -> page(h, where, scopes, scopeOrder, sort, limit, offset))
                    : List.of();
            return new Page<>(rows, total, limit, offset);
        }
        // the count and the page from one snapshot
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            long total = where.bind(h.createQuery("select count(*) from images where scope in (<scopes>)"
                            + where.andSql()).bindList("scopes", scopes)).mapTo(Long.class).one();
            List<ImageRow> rows = offset < total ? page(h, where, scopes, scopeOrder, sort, limit, offset) : List.of();
            return new Page<>(rows, total, limit, offset);
        });
    }

    /**
     * Each scope's first offset + limit ids in order (an index range), merged, then the page's rows
     * by primary key. The ids come first because only a query that reads nothing but the ordering
     * index's own columns is planned on that index by H2: asked for whole rows, H2 2.4 took the
     * (scope, status) index instead and sorted every row of the scope, some 35,000 page reads a
     * request at a million versions (BENCHMARKS.md, "ListImage at 1M").
     */
    private static List<ImageRow> page(Handle h, SqlWhere where, List<String> scopes, String scopeOrder,
            ImageSort sort, int limit, long offset) {
        // each scope's limit is written as a number, not bound: PostgreSQL costs a bound LIMIT as
        // a tenth of the scope's rows, so the cached statement's generic plan looked ten times
        // dearer than a custom one and every execution was planned anew (ListImage over
        // PostgreSQL: 0.27 x H2 before, 0.44 after; BENCHMARKS.md). The number is the API's
        // checked limit and offset, never a client's text; ImageListPostgresPlanTest keeps this.
        List<String> branches = new ArrayList<>();
        for (int i = 0; i < scopes.size(); i++) {
            branches.add("(select id from images where scope = :scope" + i
                    + where.andSql() + scopeOrder + " limit " + (offset + limit) + ")");
        }
        var query = where.bind(h.createQuery("select " + RowMappers.IMAGE_COLUMNS + " from images where id in ("
                        + String.join(" union all ", branches) + ")"
                        + sort.orderBy() + " limit :limit offset :offset"))
                .bind("limit", limit)
                .bind("offset", offset);
        for (int i = 0; i < scopes.size(); i++) {
            query.bind("scope" + i, scopes.get(i));
        }
        return query.mapTo(ImageRow.class).list();
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
