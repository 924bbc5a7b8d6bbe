package dev.modelarts.local.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The fault rules' rows. Their counters change in single statements, so that instances over one
 * PostgreSQL count each firing once between them.
 */
public final class FaultRuleDao extends RuleTable<FaultRuleDao.Row> {

    /** A stored rule: its definition (JSON) and its counters. */
    public record Row(String id, String definition, long matched, long passed, long fired) {
    }

    private final Jdbi jdbi;

    FaultRuleDao(Jdbi jdbi) {
        super(jdbi, "fault_rules", "id, definition, matched, passed, fired",
                (rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        this.jdbi = jdbi;
    }

    /** Counts one more matching request and answers its number (1 for the first), across instances. */
    public long match(String id) {
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
            h.createUpdate("update fault_rules set matched = matched + 1 where id = :id").bind("id", id).execute();
            return h.createQuery("select matched from fault_rules where id = :id").bind("id", id)
                    .mapTo(Long.class).findOne().orElse(0L);
        });
    }

    /** True when this request is one of the first {@code after} that the rule lets through. */
    public boolean letThrough(String id, long after) {
        return updated(h -> h.createUpdate("update fault_rules set passed = passed + 1 where id = :id and passed < :after")
                .bind("id", id).bind("after", after).execute());
    }

    /** Takes one firing; false when the rule has fired {@code times} already (null: no limit). */
    public boolean fire(String id, Long times) {
        return updated(h -> times == null
                ? h.createUpdate("update fault_rules set fired = fired + 1 where id = :id").bind("id", id).execute()
                : h.createUpdate("update fault_rules set fired = fired + 1 where id = :id and fired < :times")
                        .bind("id", id).bind("times", times).execute());
    }

    private boolean updated(java.util.function.Function<Handle, Integer> update) {
        return jdbi.withHandle(update::apply) == 1;
    }
}
