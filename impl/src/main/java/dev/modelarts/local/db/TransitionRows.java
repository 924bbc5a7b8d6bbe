package dev.modelarts.local.db;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import dev.modelarts.local.api.model.ImageStatus;
import dev.modelarts.local.model.Transition;

/** The image_transitions rows, inside a caller's transaction. */
final class TransitionRows {

    private static final String COLUMNS = "image_id, operation, path, polls, step_ms, status_message, started_at, seen";

    void insert(Handle h, Transition t, Long dueAt) {
        h.createUpdate("insert into image_transitions (" + COLUMNS + ", due_at) values (:id, :operation, :path,"
                        + " :polls, :stepMs, :message, :startedAt, :seen, :dueAt)")
                .bind("id", t.imageId())
                .bind("operation", t.kind().operation())
                .bind("path", t.path().stream().map(ImageStatus::toString).collect(Collectors.joining(",")))
                .bind("polls", t.polls())
                .bind("stepMs", t.stepMs())
                .bind("message", t.statusMessage())
                .bind("startedAt", t.startedAt())
                .bind("seen", t.seen())
                .bind("dueAt", dueAt)
                .execute();
    }

    Optional<Transition> find(Handle h, String imageId) {
        return map(h.createQuery("select " + COLUMNS + " from image_transitions where image_id = :id")
                .bind("id", imageId)).findOne();
    }

    /** The image's transition, its row locked until the transaction ends. */
    Optional<Transition> lock(Handle h, String imageId) {
        return map(h.createQuery("select " + COLUMNS + " from image_transitions where image_id = :id for update")
                .bind("id", imageId)).findOne();
    }

    /**
     * The timed transitions whose next step is due at {@code now}, their rows locked: an
     * instance that settles the same rows at once waits, then finds them no longer due.
     */
    List<Transition> due(Handle h, long now) {
        return map(h.createQuery("select " + COLUMNS + " from image_transitions where due_at <= :now"
                        + " order by image_id for update").bind("now", now)).list();
    }

    List<Transition> all(Handle h) {
        return map(h.createQuery("select " + COLUMNS + " from image_transitions order by image_id")).list();
    }

    long count(Handle h) {
        return h.createQuery("select count(*) from image_transitions").mapTo(Long.class).one();
    }

    void update(Handle h, String imageId, long seen, Long dueAt) {
        h.createUpdate("update image_transitions set seen = :seen, due_at = :dueAt where image_id = :id")
                .bind("id", imageId).bind("seen", seen).bind("dueAt", dueAt).execute();
    }

    void delete(Handle h, String imageId) {
        h.createUpdate("delete from image_transitions where image_id = :id").bind("id", imageId).execute();
    }

    private static org.jdbi.v3.core.result.ResultIterable<Transition> map(Query query) {
        return query.map((rs, ctx) -> new Transition(rs.getString(1), Transition.Kind.ofOperation(rs.getString(2)),
                Arrays.stream(rs.getString(3).split(",")).map(ImageStatus::fromValue).toList(),
                rs.getObject(4) == null ? null : rs.getInt(4),
                rs.getObject(5) == null ? null : rs.getLong(5),
                rs.getString(6), rs.getLong(7), rs.getLong(8)));
    }
}
