package dev.modelarts.local.db;

import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.model.ImageRow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps rows of image_groups and images; list columns are comma-separated, tags JSON. */
final class RowMappers {

    static final String GROUP_COLUMNS = "id, scope, type, project_id, workspace_id, namespace, name,"
            + " description, read_me, icon_name, swr_instance_id, swr_instance_name,"
            + " version_count, create_at, update_at, tags";

    static final String IMAGE_COLUMNS = "id, group_id, scope, type, project_id, workspace_id, namespace,"
            + " name, tag, swr_path, arch, origin, service_type, status, status_message, visibility,"
            + " description, resource_categories, support_res_categories, dev_services, image_size,"
            + " flavor_type, swr_instance_id, show_name, show_tag, create_at, update_at, tags";

    private RowMappers() {
    }

    static final RowMapper<GroupRow> GROUP = (ResultSet rs, StatementContext ctx) -> new GroupRow(
            rs.getString("id"),
            rs.getString("scope"),
            rs.getString("type"),
            rs.getString("project_id"),
            rs.getString("workspace_id"),
            rs.getString("namespace"),
            rs.getString("name"),
            rs.getString("description"),
            rs.getString("read_me"),
            rs.getString("icon_name"),
            rs.getString("swr_instance_id"),
            rs.getString("swr_instance_name"),
            rs.getInt("version_count"),
            rs.getLong("create_at"),
            rs.getLong("update_at"),
            TagsColumn.fromJson(rs.getString("tags")));

    static final RowMapper<ImageRow> IMAGE = (ResultSet rs, StatementContext ctx) -> new ImageRow(
            rs.getString("id"),
            rs.getString("group_id"),
            rs.getString("scope"),
            rs.getString("type"),
            rs.getString("project_id"),
            rs.getString("workspace_id"),
            rs.getString("namespace"),
            rs.getString("name"),
            rs.getString("tag"),
            rs.getString("swr_path"),
            rs.getString("arch"),
            rs.getString("origin"),
            rs.getString("service_type"),
            rs.getString("status"),
            rs.getString("status_message"),
            rs.getString("visibility"),
            rs.getString("description"),
            split(rs.getString("resource_categories")),
            split(rs.getString("support_res_categories")),
            split(rs.getString("dev_services")),
            nullableLong(rs, "image_size"),
            rs.getString("flavor_type"),
            rs.getString("swr_instance_id"),
            rs.getString("show_name"),
            rs.getString("show_tag"),
            rs.getLong("create_at"),
            rs.getLong("update_at"),
            TagsColumn.fromJson(rs.getString("tags")));

    static String join(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }

    private static List<String> split(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
