package dev.modelarts.local.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.statement.SqlStatement;

import dev.modelarts.local.api.model.ImageType;

/**
 * A WHERE clause built from the filters present, with named bindings. Every value is bound,
 * never spliced into the SQL; column names come only from this code.
 */
final class SqlWhere {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> bindings = new LinkedHashMap<>();

    /**
     * What a project's workspace sees: BUILD_IN rows (scope ''), its own DEDICATED rows, or both
     * when {@code type} is null.
     */
    SqlWhere visibleTo(String projectId, String workspaceId, ImageType type) {
        String own = Scopes.dedicated(projectId, workspaceId);
        if (type == null) {
            conditions.add("scope in ('', :own_scope)");
            bindings.put("own_scope", own);
        } else if (type == ImageType.BUILD_IN) {
            conditions.add("scope = ''");
        } else {
            conditions.add("scope = :own_scope");
            bindings.put("own_scope", own);
        }
        return this;
    }

    /** Exact, or a substring with {@code _}, {@code %} and {@code \} taken literally. */
    SqlWhere name(String name, boolean fuzzy) {
        if (name == null) {
            return this;
        }
        if (fuzzy) {
            conditions.add("name like :name escape '\\'");
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

    String sql() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    <S extends SqlStatement<S>> S bind(S statement) {
        bindings.forEach(statement::bind);
        return statement;
    }

    /** Escapes the LIKE wildcards so that {@code _} and {@code %} match only themselves. */
    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
