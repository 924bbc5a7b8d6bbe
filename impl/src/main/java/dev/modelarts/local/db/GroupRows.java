package dev.modelarts.local.db;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;

import dev.modelarts.local.model.GroupRow;

/** Reads rows of image_groups inside a caller's transaction. */
final class GroupRows {

    private static final int IDS_PER_QUERY = 1_000;

    Optional<GroupRow> find(Handle h, String id, boolean forUpdate) {
        return h.createQuery("select " + RowMappers.GROUP_COLUMNS + " from image_groups where id = :id"
                        + (forUpdate ? " for update" : ""))
                .bind("id", id).mapTo(GroupRow.class).findOne();
    }

    /**
     * The groups of {@code scope} with the given ids, by id; an id without a row (a group
     * deleted since) maps to null. One query per {@value #IDS_PER_QUERY} ids, any number of them
     * (PostgreSQL takes at most 65,535 parameters a statement).
     */
    Map<String, GroupRow> byIds(Handle h, String scope, Set<String> ids) {
        Map<String, GroupRow> found = new HashMap<>();
        ids.forEach(id -> found.put(id, null));
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            h.createQuery("select " + RowMappers.GROUP_COLUMNS + " from image_groups where scope = :scope and id in (<ids>)")
                    .bind("scope", scope).bindList("ids", all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)))
                    .mapTo(GroupRow.class).forEach(row -> found.put(row.id(), row));
        }
        return found;
    }

    List<GroupRow> inScope(Handle h, String scope) {
        return h.createQuery("select " + RowMappers.GROUP_COLUMNS + " from image_groups where scope = :scope")
                .bind("scope", scope).mapTo(GroupRow.class).list();
    }
}
