package dev.modelarts.local.db;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Which groups each revision of a scope changed (scope_changes), kept over a shared database so
 * that an instance whose copy of a scope is a few revisions behind reads those groups, not the
 * whole scope: at a million versions a scope holds some 6,700 groups, a registration changes one.
 *
 * <p>The writer records a revision's groups in the transaction that raises it, so a reader that
 * sees the revision sees its rows; a revision that changed more than {@value #MOST_GROUPS} groups
 * is not recorded. Each scope keeps its last {@value #KEPT} revisions or more (the
 * writer prunes older ones every {@value #KEPT}th revision); a reader further behind, or missing
 * any revision's rows (written by an instance alone on its file, which records none), loads the
 * whole scope.
 */
final class ScopeChanges {

    /** Revisions kept per scope, at least; also the most a reader catches up on by them. */
    static final int KEPT = 1_000;
    /** More changed groups than this (a reset, say): the whole scope is read instead. */
    static final int MOST_GROUPS = 1_000;

    private final boolean records;

    /** @param records whether revisions are recorded (over a shared database) */
    ScopeChanges(boolean records) {
        this.records = records;
    }

    /** Records that {@code revision} of {@code scope} changed {@code groupIds}, inside the writer's transaction. */
    void record(Handle h, String scope, long revision, Set<String> groupIds) {
        if (!records) {
            return;
        }
        if (revision % KEPT == 0) {
            h.createUpdate("delete from scope_changes where scope = :scope and revision <= :oldest")
                    .bind("scope", scope).bind("oldest", revision - KEPT).execute();
        }
        if (groupIds.isEmpty() || groupIds.size() > MOST_GROUPS) {
            return; // too many to be worth reading one by one (a reset): a reader reads the scope whole
        }
        PreparedBatch batch = h.prepareBatch(
                "insert into scope_changes (scope, revision, group_id) values (:scope, :revision, :id)");
        for (String id : groupIds) {
            batch.bind("scope", scope).bind("revision", revision).bind("id", id).add();
        }
        batch.execute();
    }

    /**
     * The groups that the revisions after {@code from}, up to {@code to}, changed; empty when
     * they cannot be told (not recorded, pruned, or too many), and the scope must be read whole.
     */
    Optional<Set<String>> changedBetween(Handle h, String scope, long from, long to) {
        if (!records || to <= from || to - from > KEPT) {
            return Optional.empty();
        }
        List<Map.Entry<Long, String>> rows = h.createQuery("select revision, group_id from scope_changes"
                        + " where scope = :scope and revision > :from and revision <= :to")
                .bind("scope", scope).bind("from", from).bind("to", to)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
        Set<Long> revisions = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (Map.Entry<Long, String> row : rows) {
            revisions.add(row.getKey());
            groups.add(row.getValue());
        }
        if (revisions.size() != to - from || groups.size() > MOST_GROUPS) {
            return Optional.empty();
        }
        return Optional.of(groups);
    }
}
