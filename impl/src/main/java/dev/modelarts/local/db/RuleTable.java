package dev.modelarts.local.db;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * A table of test-control rules kept as JSON definitions under their ids (fault rules,
 * transition rules): what both rule DAOs do the same way, so each DAO extends it. The table and
 * its columns are the DAO's constants, never a caller's text.
 *
 * @param <R> the DAO's row
 */
public abstract class RuleTable<R> {

    private final Jdbi jdbi;
    private final String table;
    private final String select;
    private final RowMapper<R> mapper;

    /** @param columns the columns {@code mapper} reads, in its order, the id and definition first */
    RuleTable(Jdbi jdbi, String table, String columns, RowMapper<R> mapper) {
        this.jdbi = jdbi;
        this.table = table;
        this.select = "select " + columns + " from " + table;
        this.mapper = mapper;
    }

    public void insert(String id, String definition) {
        jdbi.useHandle(h -> h.createUpdate("insert into " + table + " (id, definition) values (:id, :definition)")
                .bind("id", id).bind("definition", definition).execute());
    }

    /** Every rule, oldest first (ids sort by creation). */
    public List<R> list() {
        return jdbi.withHandle(h -> h.createQuery(select + " order by id").map(mapper).list());
    }

    /** Removes one rule and answers it; empty when there was none with that id. */
    public Optional<R> delete(String id) {
        return jdbi.inTransaction(h -> {
            Optional<R> row = h.createQuery(select + " where id = :id").bind("id", id).map(mapper).findOne();
            h.createUpdate("delete from " + table + " where id = :id").bind("id", id).execute();
            return row;
        });
    }

    /** Removes every rule; answers how many there were. */
    public int deleteAll() {
        return jdbi.withHandle(h -> h.createUpdate("delete from " + table).execute());
    }
}
