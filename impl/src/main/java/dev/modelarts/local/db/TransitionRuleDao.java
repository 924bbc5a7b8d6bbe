package dev.modelarts.local.db;

import org.jdbi.v3.core.Jdbi;

/** The status-transition rules' rows: each rule's definition, as JSON, under its id. */
public final class TransitionRuleDao extends RuleTable<TransitionRuleDao.Row> {

    /** A stored rule. */
    public record Row(String id, String definition) {
    }

    TransitionRuleDao(Jdbi jdbi) {
        super(jdbi, "transition_rules", "id, definition", (rs, ctx) -> new Row(rs.getString(1), rs.getString(2)));
    }
}
