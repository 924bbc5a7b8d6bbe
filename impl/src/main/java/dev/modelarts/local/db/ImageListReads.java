package dev.modelarts.local.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import dev.modelarts.local.listing.GroupListing;
import dev.modelarts.local.listing.ScopeGroups;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.ImageFilter;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.ImageSort;
import dev.modelarts.local.model.Page;

/**
 * ListImage's reads from the database: the page and its total, in one of two ways.
 *
 * <ul>
 * <li><b>Group by group</b>, when the filter names a name or a namespace and the groups it matches
 * hold at most {@value #FEW_VERSIONS} images: those groups' images, by an index on group_id,
 * sorted. The scopes' copies know which groups match, and how many images they hold.
 * <li><b>Scope by scope</b> otherwise: each visible scope's rows in order, an index range on H2
 * and PostgreSQL alike for the default order. A name or a namespace is no column of those
 * indexes, so this way a filter on them reads the scope until enough rows match: at 100k
 * versions one group's images took some 330 ms (BENCHMARKS.md, "ListImage: kept answers, and the
 * name filter").
 * </ul>
 *
 * <p>The total: when the filter asks only what the groups know (type, name, namespace), the sum
 * of the matching groups' version counts, from the copies; otherwise a count in SQL, in the same
 * snapshot as the page.
 */
final class ImageListReads {

    /** The most images read group by group; more, and the scope's ordered range is cheaper. */
    static final long FEW_VERSIONS = 1_000;

    private final Jdbi jdbi;

    ImageListReads(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @param held the copies of {@code scopes}, the visible scopes, as the listing began */
    Page<ImageRow> read(ImageFilter filter, ImageSort sort, int limit, long offset, List<String> scopes,
            List<ScopeGroups> held) {
        GroupFilter groups = filter.groups().withSwrInstanceId(null);
        SqlWhere where = new SqlWhere()
                .name(groups.name(), groups.nameFuzzy())
                .equal("namespace", groups.namespace())
                .equal("service_type", filter.serviceType())
                .equal("status", filter.status())
                .equal("show_name", filter.showName())
                .equal("show_tag", filter.showTag());
        GroupListing.Matches matches = GroupListing.matching(held, groups, FEW_VERSIONS);
        Optional<List<String>> few = matches.fewIds();
        if (few.isPresent() && few.get().isEmpty()) {
            return new Page<>(List.of(), 0, limit, offset); // no group matches
        }
        if (filter.onlyGroupFilters()) {
            long total = matches.versions();
            List<ImageRow> page = offset < total
                    ? jdbi.withHandle(h -> page(h, where, few, scopes, filter, sort, limit, offset))
                    : List.of();
            return new Page<>(page, total, limit, offset);
        }
        // the count and the page from one snapshot
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            String within = few.isPresent() ? "group_id" : "scope";
            long total = where.bind(h.createQuery("select count(*) from images where " + within + " in (<within>)"
                    + where.andSql())).bindList("within", few.orElse(scopes)).mapTo(Long.class).one();
            List<ImageRow> page = offset < total ? page(h, where, few, scopes, filter, sort, limit, offset) : List.of();
            return new Page<>(page, total, limit, offset);
        });
    }

    private static List<ImageRow> page(Handle h, SqlWhere where, Optional<List<String>> few, List<String> scopes,
            ImageFilter filter, ImageSort sort, int limit, long offset) {
        if (few.isPresent()) {
            return where.bind(h.createQuery("select " + RowMappers.IMAGE_COLUMNS + " from images"
                            + " where group_id in (<groups>)" + where.andSql() + sort.orderBy()
                            + " limit :limit offset :offset"))
                    .bindList("groups", few.get())
                    .bind("limit", limit)
                    .bind("offset", offset)
                    .mapTo(ImageRow.class).list();
        }
        return byScopes(h, where, scopes, filter, sort, limit, offset);
    }

    /**
     * Each scope's first offset + limit ids in order (an index range), merged, then the page's rows
     * by primary key. The ids come first because only a query that reads nothing but the ordering
     * index's own columns is planned on that index by H2: asked for whole rows, H2 2.4 took the
     * (scope, status) index instead and sorted every row of the scope, some 35,000 page reads a
     * request at a million versions (BENCHMARKS.md, "ListImage at 1M").
     */
    private static List<ImageRow> byScopes(Handle h, SqlWhere where, List<String> scopes, ImageFilter filter,
            ImageSort sort, int limit, long offset) {
        // the columns each scope's rows share: naming them first in its ORDER BY lets H2 see that
        // an index on (scope[, status], update_at, id) is in that order already
        String scopeOrder = sort.orderBy(filter.status() == null ? List.of("scope") : List.of("scope", "status"));
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
}
