package dev.modelarts.local.db;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;

import dev.modelarts.local.model.GroupRow;

/** Reads rows of image_groups inside a caller's transaction. */
final class GroupRows {

    Optional<GroupRow> find(Handle h, String id, boolean forUpdate) {
        return h.createQuery("select " + RowMappers.GROUP_COLUMNS + " from image_groups where id = :id"
                        + (forUpdate ? " for update" : ""))
                .bind("id", id).mapTo(GroupRow.class).findOne();
    }

    List<GroupRow> inScope(Handle h, String scope) {
        return h.createQuery("select " + RowMappers.GROUP_COLUMNS + " from image_groups where scope = :scope")
                .bind("scope", scope).mapTo(GroupRow.class).list();
    }
}
