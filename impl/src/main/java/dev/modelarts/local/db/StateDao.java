package dev.modelarts.local.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import dev.modelarts.local.model.GroupKey;
import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.StateSnapshot;
import dev.modelarts.local.model.Transition;

/** Reads and replaces every DEDICATED group, image and transition at once (state export and import). */
public final class StateDao {

    /** An import whose ids collide with rows it does not replace (the built-in catalog's). */
    public static final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Conflict(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final Jdbi jdbi;
    private final GroupCommit writes;
    private final TransitionRows transitions;

    StateDao(Jdbi jdbi, GroupCommit writes, TransitionRows transitions) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.transitions = transitions;
    }

    /** Groups ordered by id, each with its images ordered by id; transitions by image id. One snapshot. */
    public StateSnapshot read() {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            List<GroupRow> groups = h.createQuery("select " + RowMappers.GROUP_COLUMNS
                    + " from image_groups where scope <> '' order by id").mapTo(GroupRow.class).list();
            Map<String, List<ImageRow>> images = new LinkedHashMap<>();
            h.createQuery("select " + RowMappers.IMAGE_COLUMNS + " from images where scope <> '' order by group_id, id")
                    .mapTo(ImageRow.class)
                    .forEach(i -> images.computeIfAbsent(i.groupId(), id -> new ArrayList<>()).add(i));
            List<StateSnapshot.Group> result = groups.stream()
                    .map(g -> new StateSnapshot.Group(g, images.getOrDefault(g.id(), List.of()))).toList();
            return new StateSnapshot(result, transitions.all(h));
        });
    }

    /**
     * Replaces every DEDICATED group, image and transition with the snapshot's, in one
     * transaction; the rows are stored as given (ids, times, aggregates).
     *
     * @throws Conflict when an id is taken by a row the import does not replace
     */
    public void replace(StateSnapshot state) {
        try {
            writes.run("", (h, changed) -> {
                changed.addAll(h.createQuery("select scope, id from image_groups where scope <> ''")
                        .map((rs, ctx) -> new GroupKey(rs.getString(1), rs.getString(2))).list());
                h.createUpdate("delete from images where scope <> ''").execute();
                h.createUpdate("delete from image_groups where scope <> ''").execute();
                for (StateSnapshot.Group entry : state.groups()) {
                    insertGroup(h, entry.group());
                    for (ImageRow image : entry.images()) {
                        RowMappers.insertImage(h, image);
                    }
                    changed.add(entry.group().key());
                }
                for (Transition t : state.transitions()) {
                    // due from the first step: the first settle catches up with the clock from started_at
                    transitions.insert(h, t, t.timed() ? t.dueAfter(0) : null);
                }
                return null;
            });
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                throw new Conflict(e);
            }
            throw e;
        }
    }

    private static void insertGroup(Handle h, GroupRow g) {
        h.createUpdate("insert into image_groups (" + RowMappers.GROUP_COLUMNS + ") values (:id, :scope, :type,"
                        + " :projectId, :workspaceId, :namespace, :name, :description, :readMe, :iconName,"
                        + " :swrInstanceId, :swrInstanceName, :versionCount, :createAt, :updateAt, :tags)")
                .bind("id", g.id()).bind("scope", g.scope()).bind("type", g.type()).bind("projectId", g.projectId())
                .bind("workspaceId", g.workspaceId()).bind("namespace", g.namespace()).bind("name", g.name())
                .bind("description", g.description()).bind("readMe", g.readMe()).bind("iconName", g.iconName())
                .bind("swrInstanceId", g.swrInstanceId()).bind("swrInstanceName", g.swrInstanceName())
                .bind("versionCount", g.versionCount()).bind("createAt", g.createAt()).bind("updateAt", g.updateAt())
                .bind("tags", TagsColumn.toJson(g.tags().isEmpty() ? null : g.tags()))
                .execute();
    }
}
