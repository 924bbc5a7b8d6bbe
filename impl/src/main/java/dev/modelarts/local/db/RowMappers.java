package dev.modelarts.local.db;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

import dev.modelarts.local.api.model.ImageService;
import dev.modelarts.local.api.model.ResourceCategory;
import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.Tag;

/**
 * How rows are read and written: one column list per table, the rows mapped by Jdbi's
 * constructor mapper (each column to the record component of the same name in camel case;
 * enums by name), list columns comma-separated, tags a JSON array.
 */
final class RowMappers {

    static final String GROUP_COLUMNS = "id, scope, type, project_id, workspace_id, namespace, name,"
            + " description, read_me, icon_name, swr_instance_id, swr_instance_name,"
            + " version_count, create_at, update_at, tags";

    /** The images table's columns, in the order of {@link #imageValues}. */
    private static final List<String> IMAGE_COLUMN_LIST = List.of("id", "group_id", "scope", "type", "project_id",
            "workspace_id", "namespace", "name", "tag", "swr_path", "arch", "origin", "service_type", "status",
            "status_message", "visibility", "description", "resource_categories", "support_res_categories",
            "dev_services", "image_size", "flavor_type", "swr_instance_id", "show_name", "show_tag", "create_at",
            "update_at", "tags");

    static final String IMAGE_COLUMNS = String.join(", ", IMAGE_COLUMN_LIST);

    /** The insert of one image row, every column bound by name. */
    static final String INSERT_IMAGE = "insert into images (" + IMAGE_COLUMNS + ") values ("
            + IMAGE_COLUMN_LIST.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")";

    private RowMappers() {
    }

    /** Teaches {@code jdbi} the rows and their typed columns. */
    static void register(Jdbi jdbi) {
        jdbi.registerColumnMapper(new GenericType<List<ResourceCategory>>() {
        }, listOf(ResourceCategory::valueOf));
        jdbi.registerColumnMapper(new GenericType<List<ImageService>>() {
        }, listOf(ImageService::valueOf));
        jdbi.registerColumnMapper(new GenericType<List<Tag>>() {
        }, (rs, column, ctx) -> TagsColumn.fromJson(rs.getString(column)));
        jdbi.registerRowMapper(ConstructorMapper.factory(ImageRow.class));
        jdbi.registerRowMapper(ConstructorMapper.factory(GroupRow.class));
    }

    /** An image's column values, by column name, as they are stored. */
    static Map<String, Object> imageValues(ImageRow row) {
        Object[] values = {row.id(), row.groupId(), row.scope(), row.type(), row.projectId(), row.workspaceId(),
            row.namespace(), row.name(), row.tag(), row.swrPath(), row.arch(), row.origin(), row.serviceType(),
            row.status(), row.statusMessage(), row.visibility(), row.description(), join(row.resourceCategories()),
            join(row.supportResCategories()), join(row.devServices()), row.imageSize(), row.flavorType(),
            row.swrInstanceId(), row.showName(), row.showTag(), row.createAt(), row.updateAt(),
            TagsColumn.toJson(row.tags())};
        Map<String, Object> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            byColumn.put(IMAGE_COLUMN_LIST.get(i), values[i]);
        }
        return byColumn;
    }

    private static String join(List<? extends Enum<?>> values) {
        return values.isEmpty() ? null : values.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static <E> ColumnMapper<List<E>> listOf(Function<String, E> parse) {
        return (rs, column, ctx) -> {
            String value = rs.getString(column);
            return value == null || value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(parse).toList();
        };
    }
}
