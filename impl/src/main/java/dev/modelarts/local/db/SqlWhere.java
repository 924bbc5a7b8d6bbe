package dev.modelarts.local.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The conditions of a WHERE clause built from the filters present, with named bindings. Every value is bound,
 * never spliced into the SQL; column names come only from this code.
 */
final class SqlWhere {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> bindings = new LinkedHashMap<>();

    /**
     * Exact, or a substring with {@code _}, {@code %} and {@code !} taken literally. The escape
     * character is {@code !}: a backslash, written twice in one statement, confuses Jdbi's parser.
     */
    SqlWhere name(String name, boolean fuzzy) {
        if (name == null) {
            return this;
        }
        if (fuzzy) {
            conditions.add("name like :name escape '!'");
            bindings.put("name", "%" + likeLiteral(name) + "%");
        } else {
            conditions.add("name = :name");
            bindings.put("name", name);
        }
        return this;
    }

    /** {@code column = value} when the value is present. */
    SqlWhere equal(String column, Object value) {
        if (value != null) {
            conditions.add(column + " = :" + column);
            bindings.put(column, value);
        }
        return this;
    }

    <S extends SqlStatement<S>> S bind(S statement) {
        bindings.forEach(statement::bind);
        return statement;
    }

    /** Escapes the LIKE wildcards so that {@code _} and {@code %} match only themselves. */
    static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** The conditions joined by AND, after a leading AND, for adding to another condition. */
    String andSql() {
        return conditions.isEmpty() ? "" : " and " + String.join(" and ", conditions);
    }
}
