package dev.modelarts.local.db;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

/** The status-transition rules' rows: each rule's definition, as JSON, under its id. */
public final class TransitionRuleDao {

    /** A stored rule. */
    public record Row(String id, String definition) {
    }

    private final Jdbi jdbi;

    TransitionRuleDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(String id, String definition) {
        jdbi.useHandle(h -> h.createUpdate("insert into transition_rules (id, definition) values (:id, :definition)")
                .bind("id", id).bind("definition", definition).execute());
    }

    /** Every rule, oldest first. */
    public List<Row> list() {
        return jdbi.withHandle(h -> h.createQuery("select id, definition from transition_rules order by id")
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2))).list());
    }

    /** Removes one rule; empty when there was none with that id. */
    public Optional<Row> delete(String id) {
        return jdbi.inTransaction(h -> {
            Optional<Row> row = h.createQuery("select id, definition from transition_rules where id = :id")
                    .bind("id", id).map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2))).findOne();
            h.createUpdate("delete from transition_rules where id = :id").bind("id", id).execute();
            return row;
        });
    }

    public int deleteAll() {
        return jdbi.withHandle(h -> h.createUpdate("delete from transition_rules").execute());
    }
}
