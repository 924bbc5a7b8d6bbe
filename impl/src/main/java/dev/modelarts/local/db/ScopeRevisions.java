package dev.modelarts.local.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Each scope's revision (scope_revisions): raised by every transaction that changes the scope's
 * groups, so that an instance can tell that its copy of a scope is behind.
 *
 * <p>On PostgreSQL a raise also notifies {@link #CHANNEL} with the scope's new revision, whatever
 * this instance's own reads do, so that instances reading by notification ({@link RevisionNotices})
 * hear of every instance's writes. PostgreSQL delivers a transaction's notifications when it
 * commits, in the order of the commits, and none of a transaction that rolled back.
 */
final class ScopeRevisions {

    /** The channel of the revision notices; each payload is "REVISION SCOPE". */
    static final String CHANNEL = "modelarts_scope_revisions";

    private static final String INCREMENT = "update scope_revisions set revision = revision + 1 where scope = ?";
    private static final String[] REVISION = {"revision"};

    private final boolean notifies;

    /** Revisions that notify no one: on H2, and in tests of the revisions alone. */
    ScopeRevisions() {
        this(false);
    }

    /** @param notifies whether each raise notifies {@link #CHANNEL} (PostgreSQL only) */
    ScopeRevisions(boolean notifies) {
        this.notifies = notifies;
    }

    /**
     * Raises a scope's revision inside a write's transaction and returns the new one. The row's
     * lock is then held until the transaction ends, so the scope's writers commit in revision
     * order.
     */
    long raise(Handle h, String scope) {
        OptionalLong raised = increment(h, scope);
        if (raised.isEmpty()) {
            h.createUpdate("insert into scope_revisions (scope, revision) values (:scope, 0) on conflict do nothing")
                    .bind("scope", scope).execute();
            raised = increment(h, scope);
        }
        long revision = raised.orElseThrow(() -> new IllegalStateException(
                "the revision of scope '" + scope + "' vanished while being created"));
        if (notifies) {
            h.createQuery("select pg_notify(:channel, :payload)").bind("channel", CHANNEL)
                    .bind("payload", revision + " " + scope).mapTo(String.class).one();
        }
        return revision;
    }

    /**
     * The scope's revision raised by one, when the scope has one: the new value comes back as
     * the statement's generated key (RETURNING on PostgreSQL, H2's own on H2), one statement
     * where an update and a read were two. Plain JDBC, as {@link ImageWrites}' counting update:
     * this runs once per group commit on the one writer thread.
     *
     * @throws UnableToExecuteStatementException as Jdbi's own statements do, the driver's
     *         {@link SQLException} its cause
     */
    private static OptionalLong increment(Handle h, String scope) {
        try (PreparedStatement update = h.getConnection().prepareStatement(INCREMENT, REVISION)) {
            update.setString(1, scope);
            update.executeUpdate();
            try (ResultSet keys = update.getGeneratedKeys()) {
                return keys.next() ? OptionalLong.of(keys.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** The scope and revision of one notification's payload; null if it is not one of ours. */
    static Map.Entry<String, Long> parse(String payload) {
        int space = payload == null ? -1 : payload.indexOf(' ');
        if (space <= 0) {
            return null;
        }
        try {
            return Map.entry(payload.substring(space + 1), Long.parseLong(payload, 0, space, 10));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The scope's revision; 0 for a scope never written. */
    long read(Handle h, String scope) {
        return h.createQuery("select revision from scope_revisions where scope = :scope")
                .bind("scope", scope).mapTo(Long.class).findOne().orElse(0L);
    }

    /** The revisions of {@code scopes} that have one (one query on the primary key). */
    Map<String, Long> read(Handle h, List<String> scopes) {
        Map<String, Long> revisions = new HashMap<>();
        h.createQuery("select scope, revision from scope_revisions where scope in (<scopes>)")
                .bindList("scopes", scopes)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> revisions.put(e.getKey(), e.getValue()));
        return revisions;
    }
}
